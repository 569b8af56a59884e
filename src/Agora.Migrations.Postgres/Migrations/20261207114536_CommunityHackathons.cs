using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CommunityHackathons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginPath",
                table: "Initiatives",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginTitle",
                table: "Initiatives",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HackathonChallenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    FocusAreas = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MinTeamSize = table.Column<int>(type: "integer", nullable: false),
                    MaxTeamSize = table.Column<int>(type: "integer", nullable: false),
                    SubmissionDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResultsPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HackathonChallenges_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HackathonChallenges_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HackathonChallenges_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChallengeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HackathonCriteria_HackathonChallenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "HackathonChallenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonJudges",
                columns: table => new
                {
                    ChallengeId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonJudges", x => new { x.ChallengeId, x.UserId });
                    table.ForeignKey(
                        name: "FK_HackathonJudges_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HackathonJudges_HackathonChallenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "HackathonChallenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChallengeId = table.Column<int>(type: "integer", nullable: false),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Pitch = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceleratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InitiativeId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HackathonTeams_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HackathonTeams_HackathonChallenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "HackathonChallenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HackathonCheckIns_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HackathonCheckIns_HackathonTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "HackathonTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonConflicts",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    JudgeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonConflicts", x => new { x.TeamId, x.JudgeId });
                    table.ForeignKey(
                        name: "FK_HackathonConflicts_AspNetUsers_JudgeId",
                        column: x => x.JudgeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HackathonConflicts_HackathonTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "HackathonTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HackathonMilestones_HackathonTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "HackathonTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonScores",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    JudgeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    ChallengeId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonScores", x => new { x.TeamId, x.JudgeId, x.CriterionId });
                    table.ForeignKey(
                        name: "FK_HackathonScores_AspNetUsers_JudgeId",
                        column: x => x.JudgeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HackathonScores_HackathonCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "HackathonCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HackathonScores_HackathonTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "HackathonTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    CodeUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VideoUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SubmittedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HackathonSubmissions_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HackathonSubmissions_HackathonTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "HackathonTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonTeamMembers",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RoleText = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActiveChallengeId = table.Column<int>(type: "integer", nullable: true),
                    InvitedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonTeamMembers", x => new { x.TeamId, x.UserId });
                    table.ForeignKey(
                        name: "FK_HackathonTeamMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HackathonTeamMembers_HackathonTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "HackathonTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonTeamMentors",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonTeamMentors", x => new { x.TeamId, x.UserId });
                    table.ForeignKey(
                        name: "FK_HackathonTeamMentors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HackathonTeamMentors_HackathonTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "HackathonTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonSubmissionFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmissionId = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HackathonSubmissionFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HackathonSubmissionFiles_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HackathonSubmissionFiles_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HackathonSubmissionFiles_HackathonSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "HackathonSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HackathonChallenges_CampaignId",
                table: "HackathonChallenges",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonChallenges_CreatedById",
                table: "HackathonChallenges",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonChallenges_EventId",
                table: "HackathonChallenges",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonChallenges_HubId",
                table: "HackathonChallenges",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonCheckIns_AuthorId",
                table: "HackathonCheckIns",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonCheckIns_TeamId_HeldOn",
                table: "HackathonCheckIns",
                columns: new[] { "TeamId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HackathonConflicts_JudgeId",
                table: "HackathonConflicts",
                column: "JudgeId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonCriteria_ChallengeId",
                table: "HackathonCriteria",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonJudges_UserId",
                table: "HackathonJudges",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonMilestones_TeamId_DueOn",
                table: "HackathonMilestones",
                columns: new[] { "TeamId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HackathonScores_ChallengeId",
                table: "HackathonScores",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonScores_CriterionId",
                table: "HackathonScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonScores_JudgeId",
                table: "HackathonScores",
                column: "JudgeId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonSubmissionFiles_FileId",
                table: "HackathonSubmissionFiles",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonSubmissionFiles_SubmissionId",
                table: "HackathonSubmissionFiles",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonSubmissionFiles_UploadedById",
                table: "HackathonSubmissionFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonSubmissions_SubmittedById",
                table: "HackathonSubmissions",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonSubmissions_TeamId",
                table: "HackathonSubmissions",
                column: "TeamId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HackathonTeamMembers_ActiveChallengeId_UserId",
                table: "HackathonTeamMembers",
                columns: new[] { "ActiveChallengeId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HackathonTeamMembers_UserId",
                table: "HackathonTeamMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonTeamMentors_UserId",
                table: "HackathonTeamMentors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonTeams_ChallengeId_Name",
                table: "HackathonTeams",
                columns: new[] { "ChallengeId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HackathonTeams_CreatedById",
                table: "HackathonTeams",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonTeams_EventId",
                table: "HackathonTeams",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_HackathonTeams_HubId",
                table: "HackathonTeams",
                column: "HubId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HackathonCheckIns");

            migrationBuilder.DropTable(
                name: "HackathonConflicts");

            migrationBuilder.DropTable(
                name: "HackathonJudges");

            migrationBuilder.DropTable(
                name: "HackathonMilestones");

            migrationBuilder.DropTable(
                name: "HackathonScores");

            migrationBuilder.DropTable(
                name: "HackathonSubmissionFiles");

            migrationBuilder.DropTable(
                name: "HackathonTeamMembers");

            migrationBuilder.DropTable(
                name: "HackathonTeamMentors");

            migrationBuilder.DropTable(
                name: "HackathonCriteria");

            migrationBuilder.DropTable(
                name: "HackathonSubmissions");

            migrationBuilder.DropTable(
                name: "HackathonTeams");

            migrationBuilder.DropTable(
                name: "HackathonChallenges");

            migrationBuilder.DropColumn(
                name: "OriginPath",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "OriginTitle",
                table: "Initiatives");
        }
    }
}

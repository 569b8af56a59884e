using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommunityCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityCalls_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunityCalls_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Motivation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReservePosition = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RoleGranted = table.Column<bool>(type: "INTEGER", nullable: false),
                    MovedUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityCallApplications_AspNetUsers_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityCallApplications_CommunityCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CommunityCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityCallCriteria_CommunityCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CommunityCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InvitedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityCallInvitations_AspNetUsers_AcceptedById",
                        column: x => x.AcceptedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommunityCallInvitations_AspNetUsers_InvitedById",
                        column: x => x.InvitedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunityCallInvitations_CommunityCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CommunityCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityCallQuestions_CommunityCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CommunityCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallReviewers",
                columns: table => new
                {
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallReviewers", x => new { x.CallId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CommunityCallReviewers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityCallReviewers_CommunityCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CommunityCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityCallStages_CommunityCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CommunityCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Conflict = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConflictReason = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityCallReviews_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityCallReviews_CommunityCallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CommunityCallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallAnswers",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallAnswers", x => new { x.ApplicationId, x.QuestionId });
                    table.ForeignKey(
                        name: "FK_CommunityCallAnswers_CommunityCallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CommunityCallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityCallAnswers_CommunityCallQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "CommunityCallQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityCallScores",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityCallScores", x => new { x.ReviewId, x.CriterionId });
                    table.ForeignKey(
                        name: "FK_CommunityCallScores_CommunityCallCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "CommunityCallCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityCallScores_CommunityCallReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "CommunityCallReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallAnswers_QuestionId",
                table: "CommunityCallAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallApplications_ApplicantId",
                table: "CommunityCallApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallApplications_CallId_ApplicantId",
                table: "CommunityCallApplications",
                columns: new[] { "CallId", "ApplicantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallCriteria_CallId_Position",
                table: "CommunityCallCriteria",
                columns: new[] { "CallId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallInvitations_AcceptedById",
                table: "CommunityCallInvitations",
                column: "AcceptedById");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallInvitations_CallId",
                table: "CommunityCallInvitations",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallInvitations_InvitedById",
                table: "CommunityCallInvitations",
                column: "InvitedById");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallInvitations_TokenHash",
                table: "CommunityCallInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallQuestions_CallId_Position",
                table: "CommunityCallQuestions",
                columns: new[] { "CallId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallReviewers_UserId",
                table: "CommunityCallReviewers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallReviews_ApplicationId_ReviewerId",
                table: "CommunityCallReviews",
                columns: new[] { "ApplicationId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallReviews_ReviewerId",
                table: "CommunityCallReviews",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCalls_CreatedById",
                table: "CommunityCalls",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCalls_HubId_State",
                table: "CommunityCalls",
                columns: new[] { "HubId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallScores_CriterionId",
                table: "CommunityCallScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallStages_CallId_Position",
                table: "CommunityCallStages",
                columns: new[] { "CallId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityCallAnswers");

            migrationBuilder.DropTable(
                name: "CommunityCallInvitations");

            migrationBuilder.DropTable(
                name: "CommunityCallReviewers");

            migrationBuilder.DropTable(
                name: "CommunityCallScores");

            migrationBuilder.DropTable(
                name: "CommunityCallStages");

            migrationBuilder.DropTable(
                name: "CommunityCallQuestions");

            migrationBuilder.DropTable(
                name: "CommunityCallCriteria");

            migrationBuilder.DropTable(
                name: "CommunityCallReviews");

            migrationBuilder.DropTable(
                name: "CommunityCallApplications");

            migrationBuilder.DropTable(
                name: "CommunityCalls");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MatchmakingSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchmakingParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProfileId = table.Column<int>(type: "integer", nullable: true),
                    Introduction = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MeetingMode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchmakingParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingParticipants_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingParticipants_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MatchmakingParticipants_PartneringProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "PartneringProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingSessions",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    RequestMode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SchedulingMode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestExpiryHours = table.Column<int>(type: "integer", nullable: false),
                    MeetingMinutes = table.Column<int>(type: "integer", nullable: false),
                    ScheduleState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SchedulePlaced = table.Column<int>(type: "integer", nullable: false),
                    ScheduleTotal = table.Column<int>(type: "integer", nullable: false),
                    ScheduleBound = table.Column<int>(type: "integer", nullable: false),
                    IdleTotal = table.Column<int>(type: "integer", nullable: false),
                    IdleMax = table.Column<int>(type: "integer", nullable: false),
                    IdleMean = table.Column<double>(type: "double precision", nullable: false),
                    SolverStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ElapsedMs = table.Column<int>(type: "integer", nullable: false),
                    ScheduleProblem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingSessions", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_MatchmakingSessions_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsBreak = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchmakingSlots_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingTables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnlineLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchmakingTables_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    FromId = table.Column<int>(type: "integer", nullable: false),
                    ToId = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchmakingRequests_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingRequests_MatchmakingParticipants_FromId",
                        column: x => x.FromId,
                        principalTable: "MatchmakingParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingRequests_MatchmakingParticipants_ToId",
                        column: x => x.ToId,
                        principalTable: "MatchmakingParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingAvailability",
                columns: table => new
                {
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    SlotId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingAvailability", x => new { x.ParticipantId, x.SlotId });
                    table.ForeignKey(
                        name: "FK_MatchmakingAvailability_MatchmakingParticipants_Participant~",
                        column: x => x.ParticipantId,
                        principalTable: "MatchmakingParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingAvailability_MatchmakingSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "MatchmakingSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    SlotId = table.Column<int>(type: "integer", nullable: true),
                    TableId = table.Column<int>(type: "integer", nullable: true),
                    Locked = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchmakingMeetings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingMeetings_MatchmakingRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "MatchmakingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingMeetings_MatchmakingSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "MatchmakingSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchmakingMeetings_MatchmakingTables_TableId",
                        column: x => x.TableId,
                        principalTable: "MatchmakingTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingBookings",
                columns: table => new
                {
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    SlotId = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingBookings", x => new { x.ParticipantId, x.SlotId });
                    table.ForeignKey(
                        name: "FK_MatchmakingBookings_MatchmakingMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MatchmakingMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingBookings_MatchmakingParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "MatchmakingParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingBookings_MatchmakingSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "MatchmakingSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatchmakingOutcomes",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchmakingOutcomes", x => new { x.MeetingId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_MatchmakingOutcomes_MatchmakingMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "MatchmakingMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchmakingOutcomes_MatchmakingParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "MatchmakingParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingAvailability_SlotId",
                table: "MatchmakingAvailability",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingBookings_MeetingId_ParticipantId",
                table: "MatchmakingBookings",
                columns: new[] { "MeetingId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingBookings_SlotId",
                table: "MatchmakingBookings",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingMeetings_EventId",
                table: "MatchmakingMeetings",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingMeetings_RequestId",
                table: "MatchmakingMeetings",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingMeetings_SlotId_TableId",
                table: "MatchmakingMeetings",
                columns: new[] { "SlotId", "TableId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingMeetings_TableId",
                table: "MatchmakingMeetings",
                column: "TableId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingOutcomes_ParticipantId",
                table: "MatchmakingOutcomes",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingParticipants_EventId_UserId",
                table: "MatchmakingParticipants",
                columns: new[] { "EventId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingParticipants_OrganisationId",
                table: "MatchmakingParticipants",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingParticipants_ProfileId",
                table: "MatchmakingParticipants",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingParticipants_UserId",
                table: "MatchmakingParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingRequests_EventId_State",
                table: "MatchmakingRequests",
                columns: new[] { "EventId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingRequests_FromId",
                table: "MatchmakingRequests",
                column: "FromId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingRequests_State_ExpiresAt",
                table: "MatchmakingRequests",
                columns: new[] { "State", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingRequests_ToId",
                table: "MatchmakingRequests",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingSlots_EventId_StartsAt",
                table: "MatchmakingSlots",
                columns: new[] { "EventId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchmakingTables_EventId",
                table: "MatchmakingTables",
                column: "EventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchmakingAvailability");

            migrationBuilder.DropTable(
                name: "MatchmakingBookings");

            migrationBuilder.DropTable(
                name: "MatchmakingOutcomes");

            migrationBuilder.DropTable(
                name: "MatchmakingSessions");

            migrationBuilder.DropTable(
                name: "MatchmakingMeetings");

            migrationBuilder.DropTable(
                name: "MatchmakingRequests");

            migrationBuilder.DropTable(
                name: "MatchmakingSlots");

            migrationBuilder.DropTable(
                name: "MatchmakingTables");

            migrationBuilder.DropTable(
                name: "MatchmakingParticipants");
        }
    }
}

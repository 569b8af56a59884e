using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginPath",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginTitle",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Hubs",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "Europe/Lisbon");

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AllDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Accessibility = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OnlineLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequiresApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegistrationDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    CancellationCutoff = table.Column<long>(type: "INTEGER", nullable: true),
                    OfferHours = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TeamsFormed = table.Column<int>(type: "INTEGER", nullable: true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ParticipantsEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    ParticipantsCitizens = table.Column<int>(type: "INTEGER", nullable: true),
                    ParticipantsCompanies = table.Column<int>(type: "INTEGER", nullable: true),
                    ParticipantsResearchers = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Events_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Events_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentoringRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FocusArea = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PreferredMentorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PairId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringRequests_AspNetUsers_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringRequests_AspNetUsers_PreferredMentorId",
                        column: x => x.PreferredMentorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringRequests_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Expertise = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorProfiles", x => x.Id);
                    table.CheckConstraint("CK_MentorProfiles_Load", "\"ActiveCount\" >= 0 AND \"ActiveCount\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_MentorProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorProfiles_Hubs_HubId",
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
                    table.ForeignKey(
                        name: "FK_CommunityCallStages_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EventMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventMaterials_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventOrganisers",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventOrganisers", x => new { x.EventId, x.UserId });
                    table.ForeignKey(
                        name: "FK_EventOrganisers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventOrganisers_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventQuestions_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Speaker = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventSessions_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventTicketTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventTicketTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventTicketTypes_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonChallenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FocusAreas = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MinTeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    ResultsPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "MentoringPairs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PairedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringPairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_AspNetUsers_EndedById",
                        column: x => x.EndedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_AspNetUsers_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_AspNetUsers_MentorId",
                        column: x => x.MentorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_AspNetUsers_PairedById",
                        column: x => x.PairedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_MentorProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "MentorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OfferExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckInCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AttendedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_EventTicketTypes_TicketTypeId",
                        column: x => x.TicketTypeId,
                        principalTable: "EventTicketTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChallengeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
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
                    ChallengeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChallengeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Pitch = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceleratedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "MentoringFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringFeedback", x => x.Id);
                    table.CheckConstraint("CK_MentoringFeedback_Rating", "\"Rating\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_MentoringFeedback_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringFeedback_MentoringPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "MentoringPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentoringSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    NotesById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringSessions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringSessions_AspNetUsers_NotesById",
                        column: x => x.NotesById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringSessions_MentoringPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "MentoringPairs",
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

            migrationBuilder.CreateTable(
                name: "HackathonCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    JudgeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    JudgeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChallengeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    CodeUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VideoUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RoleText = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActiveChallengeId = table.Column<int>(type: "INTEGER", nullable: true),
                    InvitedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "MentoringActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringActions_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringActions_MentoringSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "MentoringSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HackathonSubmissionFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCallStages_EventId",
                table: "CommunityCallStages",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventMaterials_EventId",
                table: "EventMaterials",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventOrganisers_UserId",
                table: "EventOrganisers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EventQuestions_EventId_Position",
                table: "EventQuestions",
                columns: new[] { "EventId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_CheckInCode",
                table: "EventRegistrations",
                columns: new[] { "EventId", "CheckInCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_UserId",
                table: "EventRegistrations",
                columns: new[] { "EventId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_TicketTypeId_State_QueuedAt",
                table: "EventRegistrations",
                columns: new[] { "TicketTypeId", "State", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_UserId",
                table: "EventRegistrations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CampaignId",
                table: "Events",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CreatedById",
                table: "Events",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Events_HubId_StartsAt",
                table: "Events",
                columns: new[] { "HubId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventSessions_EventId_StartsAt",
                table: "EventSessions",
                columns: new[] { "EventId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventTicketTypes_EventId_Position",
                table: "EventTicketTypes",
                columns: new[] { "EventId", "Position" });

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

            migrationBuilder.CreateIndex(
                name: "IX_MentoringActions_CreatedById",
                table: "MentoringActions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringActions_SessionId",
                table: "MentoringActions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringFeedback_AuthorId",
                table: "MentoringFeedback",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringFeedback_PairId_AuthorId",
                table: "MentoringFeedback",
                columns: new[] { "PairId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_EndedById",
                table: "MentoringPairs",
                column: "EndedById");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_HubId_State",
                table: "MentoringPairs",
                columns: new[] { "HubId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_MenteeId_State",
                table: "MentoringPairs",
                columns: new[] { "MenteeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_MentorId_State",
                table: "MentoringPairs",
                columns: new[] { "MentorId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_PairedById",
                table: "MentoringPairs",
                column: "PairedById");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_ProfileId",
                table: "MentoringPairs",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringRequests_HubId_State_CreatedAt",
                table: "MentoringRequests",
                columns: new[] { "HubId", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringRequests_MenteeId",
                table: "MentoringRequests",
                column: "MenteeId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringRequests_PreferredMentorId",
                table: "MentoringRequests",
                column: "PreferredMentorId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringSessions_CreatedById",
                table: "MentoringSessions",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringSessions_NotesById",
                table: "MentoringSessions",
                column: "NotesById");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringSessions_PairId_At",
                table: "MentoringSessions",
                columns: new[] { "PairId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_HubId_UserId",
                table: "MentorProfiles",
                columns: new[] { "HubId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorProfiles_UserId",
                table: "MentorProfiles",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeeds");

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
                name: "EventMaterials");

            migrationBuilder.DropTable(
                name: "EventOrganisers");

            migrationBuilder.DropTable(
                name: "EventQuestions");

            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "EventSessions");

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
                name: "MentoringActions");

            migrationBuilder.DropTable(
                name: "MentoringFeedback");

            migrationBuilder.DropTable(
                name: "MentoringRequests");

            migrationBuilder.DropTable(
                name: "CommunityCallQuestions");

            migrationBuilder.DropTable(
                name: "CommunityCallCriteria");

            migrationBuilder.DropTable(
                name: "CommunityCallReviews");

            migrationBuilder.DropTable(
                name: "EventTicketTypes");

            migrationBuilder.DropTable(
                name: "HackathonCriteria");

            migrationBuilder.DropTable(
                name: "HackathonSubmissions");

            migrationBuilder.DropTable(
                name: "MentoringSessions");

            migrationBuilder.DropTable(
                name: "CommunityCallApplications");

            migrationBuilder.DropTable(
                name: "HackathonTeams");

            migrationBuilder.DropTable(
                name: "MentoringPairs");

            migrationBuilder.DropTable(
                name: "CommunityCalls");

            migrationBuilder.DropTable(
                name: "HackathonChallenges");

            migrationBuilder.DropTable(
                name: "MentorProfiles");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropColumn(
                name: "OriginPath",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "OriginTitle",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Hubs");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PartneringProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartneringProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Technologies = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Sectors = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Trl = table.Column<int>(type: "integer", nullable: true),
                    TrlSoughtMin = table.Column<int>(type: "integer", nullable: true),
                    TrlSoughtMax = table.Column<int>(type: "integer", nullable: true),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IntellectualProperty = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PartnerSought = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Partnerships = table.Column<int>(type: "integer", nullable: false),
                    CountriesSought = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RegionsSought = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    DeviceClass = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CeMarking = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NeedsClinicalData = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsHealthDataPermit = table.Column<bool>(type: "boolean", nullable: false),
                    DataApplicationId = table.Column<int>(type: "integer", nullable: true),
                    Standards = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartneringProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartneringProfiles_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PartneringProfiles_AspNetUsers_ReviewedById",
                        column: x => x.ReviewedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PartneringProfiles_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartneringProfiles_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartneringProfiles_Requests_DataApplicationId",
                        column: x => x.DataApplicationId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ExpressionsOfInterest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileId = table.Column<int>(type: "integer", nullable: false),
                    SenderId = table.Column<Guid>(type: "uuid", nullable: true),
                    SenderOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SenderProfileId = table.Column<int>(type: "integer", nullable: true),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredById = table.Column<Guid>(type: "uuid", nullable: true),
                    AnswerNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpressionsOfInterest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpressionsOfInterest_AspNetUsers_AnsweredById",
                        column: x => x.AnsweredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExpressionsOfInterest_AspNetUsers_SenderId",
                        column: x => x.SenderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExpressionsOfInterest_Organisations_SenderOrganisationId",
                        column: x => x.SenderOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExpressionsOfInterest_PartneringProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "PartneringProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpressionsOfInterest_PartneringProfiles_SenderProfileId",
                        column: x => x.SenderProfileId,
                        principalTable: "PartneringProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ProfileReviewNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileReviewNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileReviewNotes_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProfileReviewNotes_PartneringProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "PartneringProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_AnsweredById",
                table: "ExpressionsOfInterest",
                column: "AnsweredById");

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_ProfileId_State",
                table: "ExpressionsOfInterest",
                columns: new[] { "ProfileId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_SenderId",
                table: "ExpressionsOfInterest",
                column: "SenderId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_SenderOrganisationId",
                table: "ExpressionsOfInterest",
                column: "SenderOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_SenderProfileId",
                table: "ExpressionsOfInterest",
                column: "SenderProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_PartneringProfiles_AuthorId",
                table: "PartneringProfiles",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_PartneringProfiles_DataApplicationId",
                table: "PartneringProfiles",
                column: "DataApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartneringProfiles_HubId_Status",
                table: "PartneringProfiles",
                columns: new[] { "HubId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PartneringProfiles_OrganisationId",
                table: "PartneringProfiles",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartneringProfiles_ReviewedById",
                table: "PartneringProfiles",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_PartneringProfiles_Status_ExpiresAt",
                table: "PartneringProfiles",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileReviewNotes_AuthorId",
                table: "ProfileReviewNotes",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileReviewNotes_ProfileId",
                table: "ProfileReviewNotes",
                column: "ProfileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpressionsOfInterest");

            migrationBuilder.DropTable(
                name: "ProfileReviewNotes");

            migrationBuilder.DropTable(
                name: "PartneringProfiles");
        }
    }
}

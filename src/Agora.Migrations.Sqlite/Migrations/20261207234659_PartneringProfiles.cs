using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Technologies = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sectors = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Trl = table.Column<int>(type: "INTEGER", nullable: true),
                    TrlSoughtMin = table.Column<int>(type: "INTEGER", nullable: true),
                    TrlSoughtMax = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IntellectualProperty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PartnerSought = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Partnerships = table.Column<int>(type: "INTEGER", nullable: false),
                    CountriesSought = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RegionsSought = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeviceClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CeMarking = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NeedsClinicalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsHealthDataPermit = table.Column<bool>(type: "INTEGER", nullable: false),
                    DataApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Standards = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    SenderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SenderOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SenderProfileId = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnswerNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MaturityAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MaturityAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Set = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Wave = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Score1 = table.Column<double>(type: "REAL", nullable: true),
                    Score2 = table.Column<double>(type: "REAL", nullable: true),
                    Score3 = table.Column<double>(type: "REAL", nullable: true),
                    Score4 = table.Column<double>(type: "REAL", nullable: true),
                    Score5 = table.Column<double>(type: "REAL", nullable: true),
                    Score6 = table.Column<double>(type: "REAL", nullable: true),
                    Overall = table.Column<double>(type: "REAL", nullable: true),
                    Band = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_AspNetUsers_StartedById",
                        column: x => x.StartedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_NetworkCustomers_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "NetworkCustomers",
                        principalColumn: "OrganisationId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_HubId",
                table: "MaturityAssessments",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_OrganisationId_HubId_Wave",
                table: "MaturityAssessments",
                columns: new[] { "OrganisationId", "HubId", "Wave" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_StartedById",
                table: "MaturityAssessments",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_SubmittedById",
                table: "MaturityAssessments",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_UpdatedById",
                table: "MaturityAssessments",
                column: "UpdatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MaturityAssessments");
        }
    }
}

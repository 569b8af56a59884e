using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Benefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EffectGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NamePt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameNb = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EffectGoals_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Benefits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectGoalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Benefits_EffectGoals_EffectGoalId",
                        column: x => x.EffectGoalId,
                        principalTable: "EffectGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Benefits_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BenefitMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BenefitId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenefitMeasurements_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BenefitMeasurements_Benefits_BenefitId",
                        column: x => x.BenefitId,
                        principalTable: "Benefits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitMeasurements_BenefitId_MeasuredOn",
                table: "BenefitMeasurements",
                columns: new[] { "BenefitId", "MeasuredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_BenefitMeasurements_RecordedById",
                table: "BenefitMeasurements",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_EffectGoalId",
                table: "Benefits",
                column: "EffectGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_InitiativeId",
                table: "Benefits",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_EffectGoals_HubId_Position",
                table: "EffectGoals",
                columns: new[] { "HubId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BenefitMeasurements");

            migrationBuilder.DropTable(
                name: "Benefits");

            migrationBuilder.DropTable(
                name: "EffectGoals");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitiativeDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequiredArtefacts",
                table: "InnovationStages",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // Stages made before this migration get the ISO 56002 defaults (InnovationProcess.Iso56002).
            migrationBuilder.Sql("""UPDATE "InnovationStages" SET "RequiredArtefacts" = 'ConceptDescription' WHERE "Step" = 'CreateConcept';""");
            migrationBuilder.Sql("""UPDATE "InnovationStages" SET "RequiredArtefacts" = 'ValidationPlan' WHERE "Step" = 'ValidateConcept';""");
            migrationBuilder.Sql("""UPDATE "InnovationStages" SET "RequiredArtefacts" = 'PilotReport' WHERE "Step" = 'DevelopSolution';""");

            migrationBuilder.CreateTable(
                name: "InitiativeDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitiativeDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InitiativeDocuments_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InitiativeDocuments_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeDocuments_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitiativeDocuments_InnovationStages_StageId",
                        column: x => x.StageId,
                        principalTable: "InnovationStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeDocuments_FileId",
                table: "InitiativeDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeDocuments_InitiativeId_Kind",
                table: "InitiativeDocuments",
                columns: new[] { "InitiativeId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeDocuments_StageId",
                table: "InitiativeDocuments",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_InitiativeDocuments_UploadedById",
                table: "InitiativeDocuments",
                column: "UploadedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InitiativeDocuments");

            migrationBuilder.DropColumn(
                name: "RequiredArtefacts",
                table: "InnovationStages");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    RowId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_HubId",
                table: "SearchDocuments",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_IdeaId",
                table: "SearchDocuments",
                column: "IdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_TargetId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "TargetId" },
                unique: true);

            // The full-text index: an FTS5 table over SearchDocuments (external content), kept in step by triggers.
            // The terms are already stemmed and folded by TextAnalyzer; unicode61 only splits them on spaces.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5("Title", "Body", content='SearchDocuments', content_rowid='RowId', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"(rowid, "Title", "Body") VALUES (new."RowId", new."Title", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Body") VALUES ('delete', old."RowId", old."Title", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Body") VALUES ('delete', old."RowId", old."Title", old."Body");
                  INSERT INTO "SearchFts"(rowid, "Title", "Body") VALUES (new."RowId", new."Title", new."Body");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_ai";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchFts";""");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}

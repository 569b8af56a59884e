using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index holds catalogue services too (one document per service and language): a document's IdeaId
    /// becomes optional and its key is kind, target and language. SQLite changes a column's nullability by building
    /// the table again, which drops its triggers and the generated "Scope" column (migration SearchScope): the FTS5
    /// table and triggers go first and come back afterwards, with "Scope", and the index is rebuilt from the table.
    /// </summary>
    public partial class NetworkCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropFullText(migrationBuilder);
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_Kind_TargetId",
                table: "SearchDocuments");

            migrationBuilder.AlterColumn<int>(
                name: "IdeaId",
                table: "SearchDocuments",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_TargetId_Language",
                table: "SearchDocuments",
                columns: new[] { "Kind", "TargetId", "Language" },
                unique: true);

            CreateFullText(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropFullText(migrationBuilder);
            // Only ideas and comments had documents before.
            migrationBuilder.Sql("""DELETE FROM "SearchDocuments" WHERE "IdeaId" IS NULL;""");
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_Kind_TargetId_Language",
                table: "SearchDocuments");

            migrationBuilder.AlterColumn<int>(
                name: "IdeaId",
                table: "SearchDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_TargetId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "TargetId" },
                unique: true);

            CreateFullText(migrationBuilder);
        }

        private static void DropFullText(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_au";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_ai";""");
            migrationBuilder.Sql("""DROP TABLE "SearchFts";""");
        }

        /// <summary>As the migration SearchScope left them: the generated "Scope" column, the FTS5 table (rebuilt from the documents) and its triggers.</summary>
        private static void CreateFullText(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN "Scope" TEXT GENERATED ALWAYS AS ("Kind" || '_' || replace("HubId", '-', '')) VIRTUAL;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5("Title", "Body", "Scope", content='SearchDocuments', content_rowid='RowId', tokenize='unicode61 remove_diacritics 0 tokenchars ''_''');
                """);
            migrationBuilder.Sql("""INSERT INTO "SearchFts"("SearchFts") VALUES ('rebuild');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ai" AFTER INSERT ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"(rowid, "Title", "Body", "Scope") VALUES (new."RowId", new."Title", new."Body", new."Scope");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_ad" AFTER DELETE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Body", "Scope") VALUES ('delete', old."RowId", old."Title", old."Body", old."Scope");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_au" AFTER UPDATE ON "SearchDocuments" BEGIN
                  INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Body", "Scope") VALUES ('delete', old."RowId", old."Title", old."Body", old."Scope");
                  INSERT INTO "SearchFts"(rowid, "Title", "Body", "Scope") VALUES (new."RowId", new."Title", new."Body", new."Scope");
                END;
                """);
        }
    }
}

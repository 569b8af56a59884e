using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Puts each document's hub and kind into the full-text index as one token (the "Scope" column: kind, '_', the hub
    /// id's 32 hex digits), so a search reads only the hub's postings instead of every hub's and filtering afterwards.
    /// The indexed words never hold '_' (TextAnalyzer), so no text and no query word is ever a scope token; the
    /// tokenizer keeps '_' inside tokens for that. FTS5 cannot add a column: the table is created again, filled from
    /// SearchDocuments, and its triggers too.
    /// </summary>
    public partial class SearchScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_au";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_ai";""");
            migrationBuilder.Sql("""DROP TABLE "SearchFts";""");
            // Computed on read (VIRTUAL: nothing stored); FTS5 reads it from the content table when it rebuilds.
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_au";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_ai";""");
            migrationBuilder.Sql("""DROP TABLE "SearchFts";""");
            migrationBuilder.Sql("""ALTER TABLE "SearchDocuments" DROP COLUMN "Scope";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5("Title", "Body", content='SearchDocuments', content_rowid='RowId', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""INSERT INTO "SearchFts"("SearchFts") VALUES ('rebuild');""");
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
    }
}

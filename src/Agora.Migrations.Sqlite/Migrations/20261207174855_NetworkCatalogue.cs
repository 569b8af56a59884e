using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index holds catalogue services too (one document per service and language): a document's IdeaId
    /// becomes optional and its key is kind, target and language. SQLite changes a column's nullability by building
    /// the table again, which drops its triggers and the generated "Scope" column (migration SearchScope): the FTS5
    /// table and triggers go first, the table is built again (by hand: see <see cref="Rebuild"/>), and they come back
    /// afterwards with "Scope", the index rebuilt from the table.
    /// </summary>
    public partial class NetworkCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropFullText(migrationBuilder);
            Rebuild(migrationBuilder, ideaOptional: true);
            CreateFullText(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropFullText(migrationBuilder);
            // Only ideas and comments had documents before.
            migrationBuilder.Sql("""DELETE FROM "SearchDocuments" WHERE "IdeaId" IS NULL;""");
            Rebuild(migrationBuilder, ideaOptional: false);
            CreateFullText(migrationBuilder);
        }

        /// <summary>
        /// The table built again by hand, as EF Core would: EF defers its own rebuild to the end of the migration, after
        /// the full-text table and triggers would already be back. No other table refers to this one.
        /// </summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, bool ideaOptional)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_SearchDocuments" (
                    "RowId" INTEGER NOT NULL CONSTRAINT "PK_SearchDocuments" PRIMARY KEY AUTOINCREMENT,
                    "Body" TEXT NOT NULL,
                    "HubId" TEXT NOT NULL,
                    "IdeaId" INTEGER {(ideaOptional ? "NULL" : "NOT NULL")},
                    "Kind" TEXT NOT NULL,
                    "Language" TEXT NOT NULL,
                    "TargetId" INTEGER NOT NULL,
                    "Title" TEXT NOT NULL,
                    CONSTRAINT "FK_SearchDocuments_Hubs_HubId" FOREIGN KEY ("HubId") REFERENCES "Hubs" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_SearchDocuments_Ideas_IdeaId" FOREIGN KEY ("IdeaId") REFERENCES "Ideas" ("Id") ON DELETE CASCADE
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_SearchDocuments" ("RowId", "Body", "HubId", "IdeaId", "Kind", "Language", "TargetId", "Title")
                SELECT "RowId", "Body", "HubId", "IdeaId", "Kind", "Language", "TargetId", "Title" FROM "SearchDocuments";
                """);
            migrationBuilder.Sql("""DROP TABLE "SearchDocuments";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_SearchDocuments" RENAME TO "SearchDocuments";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_HubId" ON "SearchDocuments" ("HubId");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_IdeaId" ON "SearchDocuments" ("IdeaId");""");
            migrationBuilder.Sql(ideaOptional
                ? """CREATE UNIQUE INDEX "IX_SearchDocuments_Kind_TargetId_Language" ON "SearchDocuments" ("Kind", "TargetId", "Language");"""
                : """CREATE UNIQUE INDEX "IX_SearchDocuments_Kind_TargetId" ON "SearchDocuments" ("Kind", "TargetId");""");
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

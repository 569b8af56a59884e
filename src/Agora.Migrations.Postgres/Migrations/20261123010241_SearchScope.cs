using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Puts each document's hub and kind into the full-text index as one lexeme (kind, '_', the hub id's 32 hex
    /// digits), so the GIN index finds one hub's documents instead of every hub's to be filtered afterwards. The
    /// indexed words never hold '_' (TextAnalyzer), so no text and no query word is ever a scope lexeme. A generated
    /// column's expression cannot change in place: "Tsv" and its index are created again.
    /// </summary>
    public partial class SearchScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "SearchDocuments" DROP COLUMN "Tsv";""");
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN "Tsv" tsvector
                  GENERATED ALWAYS AS (setweight(to_tsvector('simple', "Title"), 'A') || setweight(to_tsvector('simple', "Body"), 'B')
                    || array_to_tsvector(ARRAY["Kind" || '_' || replace("HubId"::text, '-', '')])) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_Tsv" ON "SearchDocuments" USING GIN ("Tsv");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "SearchDocuments" DROP COLUMN "Tsv";""");
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN "Tsv" tsvector
                  GENERATED ALWAYS AS (setweight(to_tsvector('simple', "Title"), 'A') || setweight(to_tsvector('simple', "Body"), 'B')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_Tsv" ON "SearchDocuments" USING GIN ("Tsv");""");
        }
    }
}

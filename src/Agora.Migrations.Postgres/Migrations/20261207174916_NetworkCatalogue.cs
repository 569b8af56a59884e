using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The full-text index holds catalogue services too (one document per service and language): a document's IdeaId
    /// becomes optional and its key is kind, target and language. The generated "Tsv" column is untouched.
    /// </summary>
    public partial class NetworkCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_Kind_TargetId",
                table: "SearchDocuments");

            migrationBuilder.AlterColumn<int>(
                name: "IdeaId",
                table: "SearchDocuments",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_TargetId_Language",
                table: "SearchDocuments",
                columns: new[] { "Kind", "TargetId", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Only ideas and comments had documents before.
            migrationBuilder.Sql("""DELETE FROM "SearchDocuments" WHERE "IdeaId" IS NULL;""");
            migrationBuilder.DropIndex(
                name: "IX_SearchDocuments_Kind_TargetId_Language",
                table: "SearchDocuments");

            migrationBuilder.AlterColumn<int>(
                name: "IdeaId",
                table: "SearchDocuments",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_TargetId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "TargetId" },
                unique: true);
        }
    }
}

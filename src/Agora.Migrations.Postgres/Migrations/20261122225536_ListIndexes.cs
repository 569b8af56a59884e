using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visible",
                table: "Ideas",
                columns: new[] { "CampaignId", "State", "HiddenAt", "MergedIntoId" });

            // Hand-written (EF Core cannot declare an expression index): a campaign's ideas newest first, the idea
            // lists' default order (IdeaQueries: PublishedAt ?? CreatedAt descending, then Id), read in index order.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Ideas_CampaignId_Newest" ON "Ideas" ("CampaignId", COALESCE("PublishedAt", "CreatedAt") DESC, "Id" DESC);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Ideas_CampaignId_Newest";""");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_CampaignId_Visible",
                table: "Ideas");
        }
    }
}

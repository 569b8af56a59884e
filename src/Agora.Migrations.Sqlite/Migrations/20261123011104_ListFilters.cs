using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_CampaignId_Visible",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Filters",
                table: "Ideas",
                columns: new[] { "CampaignId", "State", "HiddenAt", "MergedIntoId", "Origin", "CareLevel", "Setting", "FocusAreaId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_CampaignId_Filters",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visible",
                table: "Ideas",
                columns: new[] { "CampaignId", "State", "HiddenAt", "MergedIntoId" });
        }
    }
}

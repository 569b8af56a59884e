using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RequestsSeparationOfDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SeparateDecider",
                table: "RequestTypes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Health-data access kinds that already exist keep review and decision apart, as new ones do.
            migrationBuilder.Sql("UPDATE \"RequestTypes\" SET \"SeparateDecider\" = TRUE WHERE \"Kind\" = 'HealthDataAccess';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SeparateDecider",
                table: "RequestTypes");
        }
    }
}

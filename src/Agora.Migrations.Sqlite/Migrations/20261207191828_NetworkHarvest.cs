using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NetworkHarvest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HarvestSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    FeedUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowPrivateAddress = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastErrorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HarvestSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HarvestedServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProviderCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ProviderRegions = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Audiences = table.Column<int>(type: "INTEGER", nullable: false),
                    Technologies = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sectors = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TrlMin = table.Column<int>(type: "INTEGER", nullable: false),
                    TrlMax = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceModel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IndicativePrice = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Delivery = table.Column<int>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LeadTimeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    DefaultCulture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ModifiedAtSource = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HarvestedServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HarvestedServices_HarvestSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "HarvestSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HarvestedServiceTexts",
                columns: table => new
                {
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HarvestedServiceTexts", x => new { x.ServiceId, x.Culture });
                    table.ForeignKey(
                        name: "FK_HarvestedServiceTexts_HarvestedServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HarvestedServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HarvestedServices_Category",
                table: "HarvestedServices",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_HarvestedServices_SourceId_ExternalId",
                table: "HarvestedServices",
                columns: new[] { "SourceId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HarvestSources_NextDueAt",
                table: "HarvestSources",
                column: "NextDueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HarvestedServiceTexts");

            migrationBuilder.DropTable(
                name: "HarvestedServices");

            migrationBuilder.DropTable(
                name: "HarvestSources");
        }
    }
}

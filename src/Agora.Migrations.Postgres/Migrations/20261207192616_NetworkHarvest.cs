using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    FeedUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    AllowPrivateAddress = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastErrorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LastErrorAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HarvestSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HarvestedServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    ExternalId = table.Column<int>(type: "integer", nullable: false),
                    OriginUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProviderUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProviderCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ProviderRegions = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SubType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Audiences = table.Column<int>(type: "integer", nullable: false),
                    Technologies = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Sectors = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TrlMin = table.Column<int>(type: "integer", nullable: false),
                    TrlMax = table.Column<int>(type: "integer", nullable: false),
                    PriceModel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IndicativePrice = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Delivery = table.Column<int>(type: "integer", nullable: false),
                    Languages = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LeadTimeDays = table.Column<int>(type: "integer", nullable: true),
                    DefaultCulture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ModifiedAtSource = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
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

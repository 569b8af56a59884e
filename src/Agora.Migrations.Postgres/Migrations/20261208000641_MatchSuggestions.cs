using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MatchSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CounterpartKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchFeedback_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchSuggestionRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    SourceStamp = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Items = table.Column<int>(type: "integer", nullable: false),
                    Suggestions = table.Column<int>(type: "integer", nullable: false),
                    ElapsedMilliseconds = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchSuggestionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatchSuggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ForKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CounterpartKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Forward = table.Column<double>(type: "double precision", nullable: false),
                    Backward = table.Column<double>(type: "double precision", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchSuggestions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchFeedback_ForKey",
                table: "MatchFeedback",
                column: "ForKey");

            migrationBuilder.CreateIndex(
                name: "IX_MatchFeedback_PersonId_ForKey_CounterpartKey",
                table: "MatchFeedback",
                columns: new[] { "PersonId", "ForKey", "CounterpartKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchSuggestions_CounterpartKey",
                table: "MatchSuggestions",
                column: "CounterpartKey");

            migrationBuilder.CreateIndex(
                name: "IX_MatchSuggestions_ForKey_Rank",
                table: "MatchSuggestions",
                columns: new[] { "ForKey", "Rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchFeedback");

            migrationBuilder.DropTable(
                name: "MatchSuggestionRuns");

            migrationBuilder.DropTable(
                name: "MatchSuggestions");
        }
    }
}

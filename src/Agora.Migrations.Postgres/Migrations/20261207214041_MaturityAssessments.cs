using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MaturityAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MaturityAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Set = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Wave = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Answers = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Score1 = table.Column<double>(type: "double precision", nullable: true),
                    Score2 = table.Column<double>(type: "double precision", nullable: true),
                    Score3 = table.Column<double>(type: "double precision", nullable: true),
                    Score4 = table.Column<double>(type: "double precision", nullable: true),
                    Score5 = table.Column<double>(type: "double precision", nullable: true),
                    Score6 = table.Column<double>(type: "double precision", nullable: true),
                    Overall = table.Column<double>(type: "double precision", nullable: true),
                    Band = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartedById = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_AspNetUsers_StartedById",
                        column: x => x.StartedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaturityAssessments_NetworkCustomers_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "NetworkCustomers",
                        principalColumn: "OrganisationId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_HubId",
                table: "MaturityAssessments",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_OrganisationId_HubId_Wave",
                table: "MaturityAssessments",
                columns: new[] { "OrganisationId", "HubId", "Wave" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_StartedById",
                table: "MaturityAssessments",
                column: "StartedById");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_SubmittedById",
                table: "MaturityAssessments",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessments_UpdatedById",
                table: "MaturityAssessments",
                column: "UpdatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MaturityAssessments");
        }
    }
}

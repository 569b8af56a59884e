using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HubDefinedRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DefinedRoleId",
                table: "CommunityCalls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HubDefinedRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    NamePt = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    NameNb = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubDefinedRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HubDefinedRoles_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HubRoleHolders",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<int>(type: "INTEGER", nullable: false),
                    HubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HubRoleHolders", x => new { x.RoleId, x.UserId });
                    table.ForeignKey(
                        name: "FK_HubRoleHolders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HubRoleHolders_HubDefinedRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "HubDefinedRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HubRoleHolders_HubMemberships_HubId_UserId",
                        columns: x => new { x.HubId, x.UserId },
                        principalTable: "HubMemberships",
                        principalColumns: new[] { "HubId", "UserId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityCalls_DefinedRoleId",
                table: "CommunityCalls",
                column: "DefinedRoleId");

            migrationBuilder.CreateIndex(
                name: "IX_HubDefinedRoles_HubId_Key",
                table: "HubDefinedRoles",
                columns: new[] { "HubId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HubRoleHolders_HubId_UserId",
                table: "HubRoleHolders",
                columns: new[] { "HubId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_HubRoleHolders_UserId",
                table: "HubRoleHolders",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_CommunityCalls_HubDefinedRoles_DefinedRoleId",
                table: "CommunityCalls",
                column: "DefinedRoleId",
                principalTable: "HubDefinedRoles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops the foreign key only when it rebuilds CommunityCalls, after the tables below are gone: a
            // call still naming a defined role would make dropping HubDefinedRoles fail.
            migrationBuilder.Sql("UPDATE \"CommunityCalls\" SET \"DefinedRoleId\" = NULL;");

            migrationBuilder.DropForeignKey(
                name: "FK_CommunityCalls_HubDefinedRoles_DefinedRoleId",
                table: "CommunityCalls");

            migrationBuilder.DropTable(
                name: "HubRoleHolders");

            migrationBuilder.DropTable(
                name: "HubDefinedRoles");

            migrationBuilder.DropIndex(
                name: "IX_CommunityCalls_DefinedRoleId",
                table: "CommunityCalls");

            migrationBuilder.DropColumn(
                name: "DefinedRoleId",
                table: "CommunityCalls");
        }
    }
}

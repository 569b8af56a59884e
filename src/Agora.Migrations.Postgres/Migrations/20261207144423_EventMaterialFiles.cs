using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EventMaterialFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "EventMaterials",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AddedAt",
                table: "EventMaterials",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<Guid>(
                name: "FileId",
                table: "EventMaterials",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventMaterials_FileId",
                table: "EventMaterials",
                column: "FileId",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_EventMaterials_LinkOrFile",
                table: "EventMaterials",
                sql: "(\"Url\" IS NULL) <> (\"FileId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_EventMaterials_Files_FileId",
                table: "EventMaterials",
                column: "FileId",
                principalTable: "Files",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EventMaterials_Files_FileId",
                table: "EventMaterials");

            migrationBuilder.DropIndex(
                name: "IX_EventMaterials_FileId",
                table: "EventMaterials");

            migrationBuilder.DropCheckConstraint(
                name: "CK_EventMaterials_LinkOrFile",
                table: "EventMaterials");

            migrationBuilder.DropColumn(
                name: "AddedAt",
                table: "EventMaterials");

            migrationBuilder.DropColumn(
                name: "FileId",
                table: "EventMaterials");

            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "EventMaterials",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);
        }
    }
}

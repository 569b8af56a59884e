using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NetworkRequestFirstDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FirstAnswerDueAt",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposedById",
                table: "FrontDeskContacts",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            // The first answer's due date of the requests so far: the current one (a referral may have moved it since).
            migrationBuilder.Sql("UPDATE \"ServiceRequests\" SET \"FirstAnswerDueAt\" = \"AnswerDueAt\";");
            // A proposer erased before this migration was kept as the empty id: now no one.
            migrationBuilder.Sql("UPDATE \"FrontDeskContacts\" SET \"ProposedById\" = NULL WHERE \"ProposedById\" = '00000000-0000-0000-0000-000000000000';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstAnswerDueAt",
                table: "ServiceRequests");

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposedById",
                table: "FrontDeskContacts",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}

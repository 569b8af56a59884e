using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NetworkRequestFirstDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAnswerDueAt",
                table: "ServiceRequests",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposedById",
                table: "FrontDeskContacts",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountRecovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxEmails_CreatedAt",
                table: "OutboxEmails");

            migrationBuilder.AddColumn<DateTime>(
                name: "SentAt",
                table: "OutboxEmails",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_SentAt_CreatedAt",
                table: "OutboxEmails",
                columns: new[] { "SentAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxEmails_SentAt_CreatedAt",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "OutboxEmails");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_CreatedAt",
                table: "OutboxEmails",
                column: "CreatedAt");
        }
    }
}

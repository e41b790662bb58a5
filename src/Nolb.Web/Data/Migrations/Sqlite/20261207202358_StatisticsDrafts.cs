using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreparedBy",
                table: "StatisticsPublications",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PreparedByUserId",
                table: "StatisticsPublications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StatisticsDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    PreparedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreparedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublicationNumber = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsDrafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsDrafts_Quarter_Status",
                table: "StatisticsDrafts",
                columns: new[] { "Quarter", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatisticsDrafts");

            migrationBuilder.DropColumn(
                name: "PreparedBy",
                table: "StatisticsPublications");

            migrationBuilder.DropColumn(
                name: "PreparedByUserId",
                table: "StatisticsPublications");
        }
    }
}

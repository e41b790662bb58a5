using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EngagementsByParticipant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Engagements_ParticipantId",
                table: "Engagements",
                column: "ParticipantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_ParticipantId",
                table: "Engagements");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddNeedsAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPlans_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedsAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Strengths = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Aspirations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AssessedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedsAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedsAssessments_AspNetUsers_AssessedByUserId",
                        column: x => x.AssessedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NeedsAssessments_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedsAssessments_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionPlanItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Goal = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Domain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_ActionPlans_ActionPlanId",
                        column: x => x.ActionPlanId,
                        principalTable: "ActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionPlanItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DomainScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedsAssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainScores", x => x.Id);
                    table.CheckConstraint("CK_DomainScores_Score", "\"Score\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_DomainScores_NeedsAssessments_NeedsAssessmentId",
                        column: x => x.NeedsAssessmentId,
                        principalTable: "NeedsAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_ActionPlanId_Status_DueDate",
                table: "ActionPlanItems",
                columns: new[] { "ActionPlanId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_CreatedByUserId",
                table: "ActionPlanItems",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_LepId",
                table: "ActionPlanItems",
                column: "LepId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_OrganisationId",
                table: "ActionPlanItems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_EngagementId",
                table: "ActionPlans",
                column: "EngagementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_LepId_ReviewDate",
                table: "ActionPlans",
                columns: new[] { "LepId", "ReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DomainScores_NeedsAssessmentId_Domain",
                table: "DomainScores",
                columns: new[] { "NeedsAssessmentId", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedsAssessments_AssessedByUserId",
                table: "NeedsAssessments",
                column: "AssessedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedsAssessments_EngagementId_AssessedOn",
                table: "NeedsAssessments",
                columns: new[] { "EngagementId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedsAssessments_LepId",
                table: "NeedsAssessments",
                column: "LepId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionPlanItems");

            migrationBuilder.DropTable(
                name: "DomainScores");

            migrationBuilder.DropTable(
                name: "ActionPlans");

            migrationBuilder.DropTable(
                name: "NeedsAssessments");
        }
    }
}

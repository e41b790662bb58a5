using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContractLinksDataRightsStatisticsImprovementAndOccupations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NeedsAssessments_LepId",
                table: "NeedsAssessments");

            migrationBuilder.DropIndex(
                name: "IX_Interventions_LepId",
                table: "Interventions");

            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAt",
                table: "Participants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CeasedOn",
                table: "DeliveryContracts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FromAllocationId",
                table: "CommissioningDecisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ToAllocationId",
                table: "CommissioningDecisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ErasureRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Decision = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ErasureRequests_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Progress = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FeedbackThemes = table.Column<List<string>>(type: "text[]", nullable: false),
                    IndicatorCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    StandardCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OccupationListLoads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LoadedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitGroupCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccupationListLoads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OccupationUnitGroups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccupationUnitGroups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ParticipantChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsEqualityData = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantChanges_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDatasets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FiguresDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LoadedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    LoadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RowCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Framework = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Ratings = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsPublications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProvisionalWhenPublished = table.Column<bool>(type: "boolean", nullable: false),
                    Tables = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsPublications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RedactedNoteIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    RedactedPassages = table.Column<List<string>>(type: "text[]", nullable: false),
                    RedactionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectAccessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectAccessRequests_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YouSaidWeDid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    YouSaid = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    WeDid = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YouSaidWeDid", x => x.Id);
                    table.ForeignKey(
                        name: "FK_YouSaidWeDid_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PopulationFigures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PopulationFigures_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PopulationFigures_ReferenceDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "ReferenceDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SimdPostcodes",
                columns: table => new
                {
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DatasetId = table.Column<Guid>(type: "uuid", nullable: false),
                    DataZone = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Decile = table.Column<int>(type: "integer", nullable: false),
                    Quintile = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimdPostcodes", x => x.Postcode);
                    table.ForeignKey(
                        name: "FK_SimdPostcodes_ReferenceDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "ReferenceDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_LepId_SentAt",
                table: "Referrals",
                columns: new[] { "LepId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_LepId_StartDate",
                table: "Outcomes",
                columns: new[] { "LepId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedsAssessments_LepId_AssessedOn",
                table: "NeedsAssessments",
                columns: new[] { "LepId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_LepId_StartDate",
                table: "Interventions",
                columns: new[] { "LepId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_LepId_StartDate",
                table: "Engagements",
                columns: new[] { "LepId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryContracts_ServiceDeliveryRequirementId",
                table: "DeliveryContracts",
                column: "ServiceDeliveryRequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningDecisions_FromAllocationId",
                table: "CommissioningDecisions",
                column: "FromAllocationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningDecisions_ToAllocationId",
                table: "CommissioningDecisions",
                column: "ToAllocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRequests_DecidedAt",
                table: "ErasureRequests",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRequests_ParticipantId",
                table: "ErasureRequests",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_LepId_DueDate",
                table: "ImprovementActions",
                columns: new[] { "LepId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_OccupationListLoads_LoadedAt",
                table: "OccupationListLoads",
                column: "LoadedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantChanges_ParticipantId_ChangedAt",
                table: "ParticipantChanges",
                columns: new[] { "ParticipantId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PopulationFigures_DatasetId",
                table: "PopulationFigures",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_PopulationFigures_LepId_Dimension_Group",
                table: "PopulationFigures",
                columns: new[] { "LepId", "Dimension", "Group" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceDatasets_Kind",
                table: "ReferenceDatasets",
                column: "Kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_LepId_Framework_FinancialYear_OrganisationId",
                table: "SelfAssessments",
                columns: new[] { "LepId", "Framework", "FinancialYear", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_OrganisationId",
                table: "SelfAssessments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SimdPostcodes_DatasetId",
                table: "SimdPostcodes",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsPublications_Quarter_Number",
                table: "StatisticsPublications",
                columns: new[] { "Quarter", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessRequests_ParticipantId",
                table: "SubjectAccessRequests",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_YouSaidWeDid_LepId_ChangedOn",
                table: "YouSaidWeDid",
                columns: new[] { "LepId", "ChangedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_CommissioningDecisions_FundingAllocations_FromAllocationId",
                table: "CommissioningDecisions",
                column: "FromAllocationId",
                principalTable: "FundingAllocations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CommissioningDecisions_FundingAllocations_ToAllocationId",
                table: "CommissioningDecisions",
                column: "ToAllocationId",
                principalTable: "FundingAllocations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DeliveryContracts_ServiceDeliveryRequirements_ServiceDelive~",
                table: "DeliveryContracts",
                column: "ServiceDeliveryRequirementId",
                principalTable: "ServiceDeliveryRequirements",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommissioningDecisions_FundingAllocations_FromAllocationId",
                table: "CommissioningDecisions");

            migrationBuilder.DropForeignKey(
                name: "FK_CommissioningDecisions_FundingAllocations_ToAllocationId",
                table: "CommissioningDecisions");

            migrationBuilder.DropForeignKey(
                name: "FK_DeliveryContracts_ServiceDeliveryRequirements_ServiceDelive~",
                table: "DeliveryContracts");

            migrationBuilder.DropTable(
                name: "ErasureRequests");

            migrationBuilder.DropTable(
                name: "ImprovementActions");

            migrationBuilder.DropTable(
                name: "OccupationListLoads");

            migrationBuilder.DropTable(
                name: "OccupationUnitGroups");

            migrationBuilder.DropTable(
                name: "ParticipantChanges");

            migrationBuilder.DropTable(
                name: "PopulationFigures");

            migrationBuilder.DropTable(
                name: "SelfAssessments");

            migrationBuilder.DropTable(
                name: "SimdPostcodes");

            migrationBuilder.DropTable(
                name: "StatisticsPublications");

            migrationBuilder.DropTable(
                name: "SubjectAccessRequests");

            migrationBuilder.DropTable(
                name: "YouSaidWeDid");

            migrationBuilder.DropTable(
                name: "ReferenceDatasets");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_LepId_SentAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Outcomes_LepId_StartDate",
                table: "Outcomes");

            migrationBuilder.DropIndex(
                name: "IX_NeedsAssessments_LepId_AssessedOn",
                table: "NeedsAssessments");

            migrationBuilder.DropIndex(
                name: "IX_Interventions_LepId_StartDate",
                table: "Interventions");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_LepId_StartDate",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryContracts_ServiceDeliveryRequirementId",
                table: "DeliveryContracts");

            migrationBuilder.DropIndex(
                name: "IX_CommissioningDecisions_FromAllocationId",
                table: "CommissioningDecisions");

            migrationBuilder.DropIndex(
                name: "IX_CommissioningDecisions_ToAllocationId",
                table: "CommissioningDecisions");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "CeasedOn",
                table: "DeliveryContracts");

            migrationBuilder.DropColumn(
                name: "FromAllocationId",
                table: "CommissioningDecisions");

            migrationBuilder.DropColumn(
                name: "ToAllocationId",
                table: "CommissioningDecisions");

            migrationBuilder.CreateIndex(
                name: "IX_NeedsAssessments_LepId",
                table: "NeedsAssessments",
                column: "LepId");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_LepId",
                table: "Interventions",
                column: "LepId");
        }
    }
}

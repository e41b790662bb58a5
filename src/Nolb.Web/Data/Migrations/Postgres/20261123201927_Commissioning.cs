using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Commissioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliveryContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PartnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FundingStream = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ExpectedStarts = table.Column<int>(type: "integer", nullable: false),
                    ExpectedJobOutcomes = table.Column<int>(type: "integer", nullable: false),
                    ServiceIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ServiceDeliveryRequirementId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryContracts_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeliveryContracts_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeliveryContracts_Organisations_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundingAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stream = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingAllocations_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommissioningDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountMoved = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    FromContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromStream = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ToContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToStream = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissioningDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommissioningDecisions_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissioningDecisions_DeliveryContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "DeliveryContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissioningDecisions_DeliveryContracts_FromContractId",
                        column: x => x.FromContractId,
                        principalTable: "DeliveryContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissioningDecisions_DeliveryContracts_ToContractId",
                        column: x => x.ToContractId,
                        principalTable: "DeliveryContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommissioningDecisions_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractProfileQuarters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    QuarterNumber = table.Column<int>(type: "integer", nullable: false),
                    Starts = table.Column<int>(type: "integer", nullable: false),
                    JobOutcomes = table.Column<int>(type: "integer", nullable: false),
                    Spend = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractProfileQuarters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractProfileQuarters_DeliveryContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "DeliveryContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractSpend",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    QuarterNumber = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractSpend", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractSpend_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractSpend_DeliveryContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "DeliveryContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningDecisions_ContractId",
                table: "CommissioningDecisions",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningDecisions_FromContractId",
                table: "CommissioningDecisions",
                column: "FromContractId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningDecisions_LepId_DecidedOn",
                table: "CommissioningDecisions",
                columns: new[] { "LepId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningDecisions_RecordedByUserId",
                table: "CommissioningDecisions",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissioningDecisions_ToContractId",
                table: "CommissioningDecisions",
                column: "ToContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractProfileQuarters_ContractId_FinancialYear_QuarterNum~",
                table: "ContractProfileQuarters",
                columns: new[] { "ContractId", "FinancialYear", "QuarterNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractSpend_ContractId_FinancialYear_QuarterNumber",
                table: "ContractSpend",
                columns: new[] { "ContractId", "FinancialYear", "QuarterNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractSpend_RecordedByUserId",
                table: "ContractSpend",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryContracts_CreatedByUserId",
                table: "DeliveryContracts",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryContracts_LepId_StartDate",
                table: "DeliveryContracts",
                columns: new[] { "LepId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryContracts_PartnerOrganisationId",
                table: "DeliveryContracts",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingAllocations_LepId_Stream_FinancialYear",
                table: "FundingAllocations",
                columns: new[] { "LepId", "Stream", "FinancialYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommissioningDecisions");

            migrationBuilder.DropTable(
                name: "ContractProfileQuarters");

            migrationBuilder.DropTable(
                name: "ContractSpend");

            migrationBuilder.DropTable(
                name: "FundingAllocations");

            migrationBuilder.DropTable(
                name: "DeliveryContracts");
        }
    }
}

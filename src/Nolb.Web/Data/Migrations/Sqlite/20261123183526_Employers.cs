using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Employers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AftercareContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Issues = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AftercareContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AftercareContacts_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Employers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RealLivingWageEmployer = table.Column<bool>(type: "INTEGER", nullable: false),
                    YoungPersonsGuaranteePledge = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisabilityConfident = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Employers_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentiveSchemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FinancialYear = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumHourlyPay = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MinimumHoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MinimumContractMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ZeroHoursAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaymentAtStart = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaymentAt13Weeks = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaymentAt26Weeks = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaymentAt52Weeks = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveSchemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveSchemes_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobPreferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SocGoals = table.Column<string>(type: "TEXT", nullable: false),
                    MinHoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    MaxHoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    AvailableDays = table.Column<string>(type: "TEXT", nullable: false),
                    Travel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HasDrivingLicence = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobPreferences_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmployerActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmployerActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmployerActivities_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SocCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    HoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    HourlyPay = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Contract = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContractMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AftercareEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outcomes_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Outcomes_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    WeeklyAllowance = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    HourlyWage = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Placements_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vacancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SocCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    HoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    HourlyPay = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Contract = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContractMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Days = table.Column<string>(type: "TEXT", nullable: false),
                    ClosingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MinimumScqfLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    DrivingLicenceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vacancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vacancies_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vacancies_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentiveApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HourlyPay = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    HoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Contract = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContractMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    NoDisplacementConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_IncentiveSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "IncentiveSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SustainmentChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutcomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Point = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NotNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SustainmentChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SustainmentChecks_Outcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "Outcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncentivePayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Point = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentivePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentivePayments_IncentiveApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "IncentiveApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AftercareContacts_EngagementId_Date",
                table: "AftercareContacts",
                columns: new[] { "EngagementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_EmployerActivities_EmployerId_Date",
                table: "EmployerActivities",
                columns: new[] { "EmployerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Employers_LepId_Name",
                table: "Employers",
                columns: new[] { "LepId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_EmployerId",
                table: "IncentiveApplications",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_LepId_Status",
                table: "IncentiveApplications",
                columns: new[] { "LepId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_ParticipantId",
                table: "IncentiveApplications",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_SchemeId",
                table: "IncentiveApplications",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePayments_ApplicationId",
                table: "IncentivePayments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveSchemes_LepId_FinancialYear",
                table: "IncentiveSchemes",
                columns: new[] { "LepId", "FinancialYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobPreferences_ParticipantId",
                table: "JobPreferences",
                column: "ParticipantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_EmployerId",
                table: "Outcomes",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_EngagementId_StartDate",
                table: "Outcomes",
                columns: new[] { "EngagementId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_EmployerId",
                table: "Placements",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_LepId_StartDate",
                table: "Placements",
                columns: new[] { "LepId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ParticipantId",
                table: "Placements",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_SustainmentChecks_LepId_Result_DueDate",
                table: "SustainmentChecks",
                columns: new[] { "LepId", "Result", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SustainmentChecks_OutcomeId",
                table: "SustainmentChecks",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_EmployerId",
                table: "Vacancies",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_LepId_Status_ClosingDate",
                table: "Vacancies",
                columns: new[] { "LepId", "Status", "ClosingDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AftercareContacts");

            migrationBuilder.DropTable(
                name: "EmployerActivities");

            migrationBuilder.DropTable(
                name: "IncentivePayments");

            migrationBuilder.DropTable(
                name: "JobPreferences");

            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "SustainmentChecks");

            migrationBuilder.DropTable(
                name: "Vacancies");

            migrationBuilder.DropTable(
                name: "IncentiveApplications");

            migrationBuilder.DropTable(
                name: "Outcomes");

            migrationBuilder.DropTable(
                name: "IncentiveSchemes");

            migrationBuilder.DropTable(
                name: "Employers");
        }
    }
}

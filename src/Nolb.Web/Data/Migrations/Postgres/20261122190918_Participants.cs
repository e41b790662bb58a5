using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nolb.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Participants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PreferredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    NationalInsuranceNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    AddressLine = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    PreferredContact = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EmploymentStatusAtStart = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BenefitsAtStart = table.Column<string[]>(type: "text[]", nullable: false),
                    HighestScqfLevel = table.Column<int>(type: "integer", nullable: true),
                    Equality_Sex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Equality_TransStatus = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Equality_Ethnicity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Equality_Disabled = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Equality_LongTermHealthCondition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Equality_Religion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Equality_SexualOrientation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Circumstances_CareExperienced = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_Parent = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_LoneParent = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_DisabledParentOrChild = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_ThreeOrMoreChildren = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_MinorityEthnicFamily = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_YoungestChildUnderOne = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_MotherUnder25 = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_Carer = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_JusticeExperience = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_HomelessOrAtRisk = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_RefugeeOrAsylumSeeker = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_Veteran = table.Column<bool>(type: "boolean", nullable: false),
                    Circumstances_SubstanceUseRecovery = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalRecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consents_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferralSource = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FundingStreams = table.Column<string[]>(type: "text[]", nullable: false),
                    KeyWorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    CurrentStage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeavingReason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_AspNetUsers_KeyWorkerId",
                        column: x => x.KeyWorkerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Engagements_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Engagements_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromKeyWorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToKeyWorkerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAssignments_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StageMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageMoves_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAssignments_EngagementId",
                table: "CaseAssignments",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_OrganisationId",
                table: "Consents",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ParticipantId_Kind",
                table: "Consents",
                columns: new[] { "ParticipantId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_KeyWorkerId",
                table: "Engagements",
                column: "KeyWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_LepId_KeyWorkerId_LeftOn",
                table: "Engagements",
                columns: new[] { "LepId", "KeyWorkerId", "LeftOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_OneOpenPerParticipant",
                table: "Engagements",
                column: "ParticipantId",
                unique: true,
                filter: "\"LeftOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_LepId_DateOfBirth",
                table: "Participants",
                columns: new[] { "LepId", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_LepId_FamilyName_GivenName",
                table: "Participants",
                columns: new[] { "LepId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_NationalInsuranceNumber",
                table: "Participants",
                column: "NationalInsuranceNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_Reference",
                table: "Participants",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageMoves_EngagementId_Date",
                table: "StageMoves",
                columns: new[] { "EngagementId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAssignments");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "StageMoves");

            migrationBuilder.DropTable(
                name: "Engagements");

            migrationBuilder.DropTable(
                name: "Participants");
        }
    }
}

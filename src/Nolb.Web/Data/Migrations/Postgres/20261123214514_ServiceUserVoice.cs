using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Nolb.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceUserVoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParticipantId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CharterCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CharterCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CharterCommitments_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Point = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsAnonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: true),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Improvement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_Leps_LepId",
                        column: x => x.LepId,
                        principalTable: "Leps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ParticipantInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvitedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantInvitations_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    IsAnonymous = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackRatings_CharterCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "CharterCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackRatings_FeedbackResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FeedbackResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CharterCommitments",
                columns: new[] { "Id", "Active", "LepId", "Order", "Text", "Version" },
                values: new object[,]
                {
                    { new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000001"), true, null, 1, "We treat you with dignity and respect", new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000001") },
                    { new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000002"), true, null, 2, "We listen to you and build your support around what you need", new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000002") },
                    { new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000003"), true, null, 3, "We explain clearly what support there is and what happens next", new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000003") },
                    { new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000004"), true, null, 4, "We make a plan with you and review it with you", new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000004") },
                    { new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000005"), true, null, 5, "We help you get other support you need, such as health, housing or money advice", new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000005") },
                    { new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000006"), true, null, 6, "We keep your information safe and ask before we share it", new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000006") },
                    { new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000007"), true, null, 7, "We keep supporting you when you start work", new Guid("6c1f0b7e-1a01-4c4e-9d7a-000000000007") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ParticipantId",
                table: "AspNetUsers",
                column: "ParticipantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CharterCommitments_LepId_Order",
                table: "CharterCommitments",
                columns: new[] { "LepId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRatings_CommitmentId",
                table: "FeedbackRatings",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRatings_ResponseId",
                table: "FeedbackRatings",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_EngagementId_Point",
                table: "FeedbackResponses",
                columns: new[] { "EngagementId", "Point" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_LepId_Period",
                table: "FeedbackResponses",
                columns: new[] { "LepId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_OrganisationId",
                table: "FeedbackResponses",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_ParticipantId",
                table: "FeedbackResponses",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_CreatedAt",
                table: "OutboxEmails",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantInvitations_ParticipantId",
                table: "ParticipantInvitations",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantInvitations_TokenHash",
                table: "ParticipantInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Participants_ParticipantId",
                table: "AspNetUsers",
                column: "ParticipantId",
                principalTable: "Participants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Participants_ParticipantId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "FeedbackRatings");

            migrationBuilder.DropTable(
                name: "OutboxEmails");

            migrationBuilder.DropTable(
                name: "ParticipantInvitations");

            migrationBuilder.DropTable(
                name: "CharterCommitments");

            migrationBuilder.DropTable(
                name: "FeedbackResponses");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ParticipantId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ParticipantId",
                table: "AspNetUsers");
        }
    }
}

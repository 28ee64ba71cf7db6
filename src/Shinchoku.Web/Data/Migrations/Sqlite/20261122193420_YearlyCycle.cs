using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shinchoku.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class YearlyCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Deadline",
                table: "ReportingCycles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PredecessorId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PredecessorId",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "IndicatorReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CorrectedAt",
                table: "IndicatorReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "IndicatorReports",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Approved");

            // Reports made before review states existed: those of published cycles count as approved, the rest as being entered.
            migrationBuilder.Sql("""
                UPDATE "IndicatorReports" SET "State" = 'InProgress'
                WHERE NOT EXISTS (
                    SELECT 1 FROM "ReportingCycles" c
                    JOIN "Initiatives" n ON n."PlanId" = c."PlanId"
                    JOIN "Indicators" i ON i."InitiativeId" = n."Id"
                    WHERE i."Id" = "IndicatorReports"."IndicatorId" AND c."FiscalYear" = "IndicatorReports"."FiscalYear" AND c."State" = 'Published')
                """);

            migrationBuilder.CreateTable(
                name: "CouncilMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Members = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilMeetings_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilMeetings_ReportingCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "ReportingCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReviewEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewEvents_IndicatorReports_IndicatorReportId",
                        column: x => x.IndicatorReportId,
                        principalTable: "IndicatorReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SentReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SentReminders_ReportingCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "ReportingCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilPosts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilPosts_CouncilMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CouncilMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CouncilPosts_IndicatorReports_IndicatorReportId",
                        column: x => x.IndicatorReportId,
                        principalTable: "IndicatorReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingMaterials_CouncilMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CouncilMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PredecessorId",
                table: "Plans",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_PredecessorId",
                table: "Indicators",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMeetings_CycleId",
                table: "CouncilMeetings",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMeetings_PlanId",
                table: "CouncilMeetings",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilPosts_IndicatorReportId_At",
                table: "CouncilPosts",
                columns: new[] { "IndicatorReportId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilPosts_MeetingId",
                table: "CouncilPosts",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingMaterials_MeetingId",
                table: "MeetingMaterials",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewEvents_IndicatorReportId_At",
                table: "ReviewEvents",
                columns: new[] { "IndicatorReportId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SentReminders_CycleId_Rule_UserId",
                table: "SentReminders",
                columns: new[] { "CycleId", "Rule", "UserId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Indicators_PredecessorId",
                table: "Indicators",
                column: "PredecessorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_PredecessorId",
                table: "Plans",
                column: "PredecessorId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Indicators_PredecessorId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_PredecessorId",
                table: "Plans");

            migrationBuilder.DropTable(
                name: "CouncilPosts");

            migrationBuilder.DropTable(
                name: "MeetingMaterials");

            migrationBuilder.DropTable(
                name: "ReviewEvents");

            migrationBuilder.DropTable(
                name: "SentReminders");

            migrationBuilder.DropTable(
                name: "CouncilMeetings");

            migrationBuilder.DropIndex(
                name: "IX_Plans_PredecessorId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_PredecessorId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "ReportingCycles");

            migrationBuilder.DropColumn(
                name: "PredecessorId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PredecessorId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "State",
                table: "IndicatorReports");
        }
    }
}

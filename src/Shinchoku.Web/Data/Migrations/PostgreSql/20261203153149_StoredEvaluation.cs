using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shinchoku.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    /// <summary>The KPI year stored with each report; existing rows get version 0 and are computed at the next start.</summary>
    public partial class StoredEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_BaselineMagnitude",
                table: "IndicatorReports",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Detail",
                table: "IndicatorReports",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Direction",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Explanation",
                table: "IndicatorReports",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_FinalTargetMagnitude",
                table: "IndicatorReports",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Evaluation_InputHash",
                table: "IndicatorReports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "Evaluation_InterimReached",
                table: "IndicatorReports",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_InterimTargetMagnitude",
                table: "IndicatorReports",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Messages",
                table: "IndicatorReports",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Evaluation_PrintedFromActual",
                table: "IndicatorReports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_PrintedInterimKind",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Blank");

            migrationBuilder.AddColumn<bool>(
                name: "Evaluation_PrintedInterimReached",
                table: "IndicatorReports",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_PrintedRating",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_PrintedRatingKind",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Blank");

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_PrintedTrend",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_PrintedTrendKind",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Blank");

            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_Progress",
                table: "IndicatorReports",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Rating",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Reason",
                table: "IndicatorReports",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int>(
                name: "Evaluation_RulesVersion",
                table: "IndicatorReports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Source",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "Evaluation_Trend",
                table: "IndicatorReports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_ValueMagnitude",
                table: "IndicatorReports",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Evaluation_Warnings",
                table: "IndicatorReports",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Evaluation_BaselineMagnitude",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Detail",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Direction",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Explanation",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_FinalTargetMagnitude",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_InputHash",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_InterimReached",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_InterimTargetMagnitude",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Messages",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_PrintedFromActual",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_PrintedInterimKind",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_PrintedInterimReached",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_PrintedRating",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_PrintedRatingKind",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_PrintedTrend",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_PrintedTrendKind",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Progress",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Rating",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Reason",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_RulesVersion",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Source",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Trend",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_ValueMagnitude",
                table: "IndicatorReports");

            migrationBuilder.DropColumn(
                name: "Evaluation_Warnings",
                table: "IndicatorReports");
        }
    }
}

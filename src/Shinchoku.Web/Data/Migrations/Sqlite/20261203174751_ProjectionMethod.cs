using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shinchoku.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectionMethod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectionMethod",
                table: "IndicatorReports",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProjectionMethod",
                table: "IndicatorReports");
        }
    }
}

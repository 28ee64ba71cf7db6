using Shinchoku.Reports.Export;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Tests.Support;

/// <summary>Reports to write, made from imported rows (as the web app makes them from the database).</summary>
public static class Documents
{
    public static ReportDocument From(ImportReading reading, string planName = "千葉県ICT戦略（前戦略）")
    {
        var tables = reading.Rows.GroupBy(r => r.Table).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var layout = reading.Layouts.First(l => l.Table == g.Key);
            var years = new ReportYears(layout.ReportYear ?? new FiscalYear(2020), layout.BaselineYear, layout.InterimYear, layout.FinalYear);
            var caption = string.Join("・", g.Select(r => r.Area).Distinct());
            return new ReportTable(g.Key, caption, years, g.Select(Row).ToList());
        }).ToList();
        return new ReportDocument(planName, tables[0].Years.Report, "令和2年度 進捗状況（資料4-1・4-2）", tables);
    }

    public static ReportRow Row(ImportRow r) => new()
    {
        Area = r.Area,
        Section = r.Section,
        Subsection = r.Subsection,
        Initiative = r.Initiative,
        Indicator = r.Indicator,
        Baseline = r.Text(ReportColumn.Baseline),
        Actual = r.Text(ReportColumn.Actual),
        Projection = r.Text(ReportColumn.Projection),
        ProjectionBasis = r.Text(ReportColumn.ProjectionBasis),
        InterimTarget = r.Text(ReportColumn.InterimTarget),
        FinalTarget = r.Text(ReportColumn.FinalTarget),
        Status = r.Text(ReportColumn.Status),
        MissedReason = r.Text(ReportColumn.MissedReason),
        Countermeasure = r.Text(ReportColumn.Countermeasure),
        Challenges = r.Text(ReportColumn.Challenges),
        Plan = r.Text(ReportColumn.Plan),
        Question = r.Text(ReportColumn.Question),
        Marks = ReportMarks.From(r.Computed, null, r.Values.HasInterimTarget),
    };

    public static ImportReading SeedReading() =>
        ImportReader.Read("r2.xlsx", new MemoryStream(SeedSheets.Book()));
}

using Shinchoku.Core.Parsing;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Tests.Rules;

/// <summary>Every row of the seed report: its cells parse, and its computed marks match the printed ones.</summary>
public class SeedReportTests
{
    public static TheoryData<string> Ids => SeedReport.Ids();

    [Fact]
    public void SeedReport_HasEveryRowOfTheExcerpt()
    {
        Assert.Equal(12, SeedReport.Rows.Count(r => r.Table == "4-1"));
        Assert.Equal(30, SeedReport.Rows.Count(r => r.Table == "4-2"));
        Assert.Equal(SeedReport.Rows.Count, SeedReport.Rows.Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Cells_ParseOrFailAsExpected(string id)
    {
        var row = SeedReport.Row(id);
        foreach (var (column, text) in row.ValueCells())
        {
            var result = KpiValue.Parse(text);
            if (row.ExpectedErrors?.TryGetValue(column, out var expected) == true)
            {
                Assert.False(result.Success, $"{id} {column} 「{text}」 should fail with {expected}");
                Assert.Contains(result.Errors, e => e.Problem.ToString() == expected);
            }
            else
            {
                Assert.True(result.Success, $"{id} {column} 「{text}」: {string.Join(" / ", result.Messages)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ComputedMarks_AgreeWithPrinted_UnlessJudgedDifferently(string id)
    {
        var row = SeedReport.Row(id);
        var evaluation = Evaluate(row);
        var printed = PrintedMarks.Parse(row.PrintedTrend, row.PrintedRating, row.PrintedInterimReached);
        Assert.True(printed.Success, string.Join(" / ", printed.Messages));

        var check = ConsistencyCheck.Compare(evaluation, printed.Value);

        var expected = row.JudgedDifferently is null ? Consistency.Agrees : Consistency.Differs;
        Assert.True(expected == check.Result,
            $"{row}: expected {expected}, got {check.Result} ({check.Reason}); computed {evaluation.TrendGlyph} {evaluation.RatingGlyph} interim {evaluation.InterimReached}, progress {evaluation.Progress}, reason {evaluation.Reason}");
    }

    [Fact]
    public void Differences_ListEveryRowJudgedDifferently()
    {
        var differing = SeedReport.Rows
            .Where(r => ConsistencyCheck.Compare(Evaluate(r), PrintedMarks.Parse(r.PrintedTrend, r.PrintedRating, r.PrintedInterimReached).Value).Result == Consistency.Differs)
            .Select(r => r.Id);

        Assert.Equal(SeedReport.Rows.Where(r => r.JudgedDifferently is not null).Select(r => r.Id), differing);
    }

    internal static Evaluation Evaluate(SeedRow row)
    {
        var values = new ReportValues(
            Parse(row.Baseline), Parse(row.Actual), Parse(row.Projection), Parse(row.FinalTarget),
            row.InterimTarget is null ? null : Parse(row.InterimTarget));
        return Evaluator.Evaluate(new Indicator(), values);
    }

    private static KpiValue? Parse(string text) => KpiValue.Parse(text).GetValueOrDefault();
}

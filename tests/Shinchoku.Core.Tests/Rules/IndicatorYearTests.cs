using Shinchoku.Core.Parsing;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Time;

namespace Shinchoku.Core.Tests.Rules;

public class IndicatorYearTests
{
    private static readonly FiscalYear Fy2020 = new(2020);
    private static readonly DateTimeOffset At = new(2021, 2, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static WrittenTarget Interim(int year, string text) => new(TargetKind.Interim, new FiscalYear(year), text);

    private static WrittenTarget Final(int year, string text) => new(TargetKind.Final, new FiscalYear(year), text);

    /// <summary>The seed's RPA row: 0時間 → 約2,500時間 against 6,000時間 (△, interim 3,000時間 not reached).</summary>
    private static IndicatorYear Rpa(IEnumerable<WrittenOverride>? overrides = null, WrittenMarks? printed = null) =>
        IndicatorYear.Of(Fy2020, "0時間", "構築中のため未定", "約2,500時間", [Interim(2022, "3,000時間"), Final(2025, "6,000時間")],
            null, overrides, printed);

    public static TheoryData<int, int?> InterimInForce => new()
    {
        // fiscal year → the interim target's year in force (targets 2020, 2022; final 2025)
        { 2018, 2020 },
        { 2020, 2020 },
        { 2021, 2022 },
        { 2022, 2022 },
        { 2023, 2022 }, // every interim target past: the last one
        { 2030, 2022 },
    };

    [Theory]
    [MemberData(nameof(InterimInForce))]
    public void TargetsInForce_InterimDueNext_ElseTheLast(int fiscalYear, int? expected)
    {
        var targets = new[] { Interim(2022, "200人"), Final(2025, "300人"), Interim(2020, "100人"), Final(2024, "250人") };

        var inForce = TargetsInForce.For(targets, new FiscalYear(fiscalYear));

        Assert.Equal(expected, inForce.Interim?.FiscalYear?.StartYear);
        Assert.Equal("300人", inForce.Final?.Text);
    }

    [Fact]
    public void TargetsInForce_NoTargets_IsNone()
    {
        Assert.Equal(TargetsInForce.None, TargetsInForce.For([], Fy2020));
    }

    [Fact]
    public void Of_ReadsEveryValue_AndEvaluatesWithTheTargetsInForce()
    {
        var year = Rpa();

        Assert.Equal("約2,500時間", year.ValueText);
        Assert.Equal(ValueSource.Projection, year.Computed.Source);
        Assert.Equal(Rating.BelowHalf, year.Computed.Rating);
        Assert.False(year.Computed.InterimReached);
        Assert.True(year.HasInterimTarget);
        Assert.Equal(2022, year.InterimTarget.FiscalYear?.StartYear);
        Assert.Equal("(2,500 − 0) ÷ (6,000 − 0) = 41% → △", year.Explanation);
        Assert.Equal(2500m, year.ValueMagnitude);
        Assert.Equal(6000m, year.FinalTargetMagnitude);
        Assert.Equal(Consistency.NotComparable, year.Consistency.Result);
    }

    public static TheoryData<string, string, string, string> UnreadableValues => new()
    {
        // baseline, actual, projection → the field named in the reason
        { "1,0,00件", "", "500件", "基準値" },
        { "100件", "1,0,00件", "", "実績値" },
        { "100件", "", "1,0,00件", "見込値" },
    };

    [Theory]
    [MemberData(nameof(UnreadableValues))]
    public void Of_AValueThatDoesNotRead_IsUnevaluable_NamingTheField(string baseline, string actual, string projection, string field)
    {
        var year = IndicatorYear.Of(Fy2020, baseline, actual, projection, [Final(2025, "1,000件")], Direction.Increase);

        Assert.Equal(NotRatedReason.Unevaluable, year.Computed.Reason);
        Assert.Equal(Evaluation.UnevaluableWords, year.Shown.RatingGlyph);
        Assert.StartsWith(field + "：", year.Computed.Detail);
        Assert.Contains(year.Messages, m => m.Message.IsError && YearMessage.Label(m.Field) == field);
        Assert.Equal("", year.Explanation);
    }

    [Fact]
    public void Of_WarningsOfTheValues_AreKept_WithTheirField()
    {
        var year = IndicatorYear.Of(Fy2020, "100件", "120件（令和2年12月末現在", "", [Final(2025, "200件")], Direction.Increase);

        Assert.True(year.Computed.IsRated);
        var warning = Assert.Single(year.Warnings);
        Assert.Equal(YearField.Actual, warning.Field);
        Assert.Equal(ParseProblem.UnbalancedBracket, warning.Message.Problem);
    }

    public static TheoryData<string, string?, string?, PrintedMarkKind, Consistency> PrintedCases => new()
    {
        // printed trend, rating, interim → the rating kind read, and how it compares with the RPA row's marks (↗ △, interim ×)
        { "↗", "△", null, PrintedMarkKind.Mark, Consistency.Agrees },
        { "↗", "○", null, PrintedMarkKind.Mark, Consistency.Differs },
        { "(↗)", "△", null, PrintedMarkKind.Mark, Consistency.Differs },
        { "不明", "不明", null, PrintedMarkKind.Unknown, Consistency.Differs },
        { "↗", null, "×", PrintedMarkKind.Blank, Consistency.Agrees },
    };

    [Theory]
    [MemberData(nameof(PrintedCases))]
    public void Printed_IsReadOnce_AndComparedWithTheMarksShown(string trend, string? rating, string? interim, PrintedMarkKind ratingKind, Consistency expected)
    {
        var year = Rpa(printed: new WrittenMarks(trend, rating, interim));

        Assert.NotNull(year.Printed);
        Assert.Equal(ratingKind, year.Printed.RatingKind);
        Assert.Equal(expected, year.Consistency.Result);
        Assert.Equal(expected == Consistency.Differs, year.Disagrees);
    }

    [Fact]
    public void Printed_ACellThatDoesNotRead_NamesItsField_AndIsNotCompared()
    {
        var year = Rpa(printed: new WrittenMarks("↗", "◇", null));

        Assert.Null(year.Printed);
        var error = Assert.Single(year.Messages, m => m.Message.IsError);
        Assert.Equal(YearField.PrintedRating, error.Field);
        Assert.Equal(Consistency.NotComparable, year.Consistency.Result);
        Assert.Contains("◇", year.Consistency.Reason);
        Assert.True(year.Computed.IsRated);
    }

    [Fact]
    public void Override_TheLatestActiveOne_IsShown_AndTheComputedKept()
    {
        var year = Rpa(overrides:
        [
            new WrittenOverride(OverrideKind.Marks, "古い判断", "dx", At, Rating: Rating.HalfOrMore),
            new WrittenOverride(OverrideKind.Unknown, "実績が未定のため", "dx", At.AddDays(1)),
            new WrittenOverride(OverrideKind.Suspended, "取り消した判断", "dx", At.AddDays(2), IsActive: false),
        ]);

        Assert.Equal("実績が未定のため", year.Override?.Reason);
        Assert.Equal(MarkGlyphs.UnknownWords, year.Shown.RatingGlyph);
        Assert.Equal(Rating.BelowHalf, year.Computed.Rating);
    }

    public static TheoryData<OverrideKind, Rating?, string, Consistency> OverrideAgainstPrinted => new()
    {
        // override → printed rating → compared with the marks shown, not the computed ones (computed: ↗ △)
        { OverrideKind.Unknown, null, "不明", Consistency.Agrees },
        { OverrideKind.Marks, Rating.HalfOrMore, "○", Consistency.Agrees },
        { OverrideKind.Marks, Rating.HalfOrMore, "△", Consistency.Differs },
        { OverrideKind.Suspended, null, "進捗管理の停止", Consistency.Agrees },
    };

    [Theory]
    [MemberData(nameof(OverrideAgainstPrinted))]
    public void Consistency_ComparesPrintedWithTheMarksShown(OverrideKind kind, Rating? rating, string printedRating, Consistency expected)
    {
        var trend = kind == OverrideKind.Marks ? "↗" : printedRating;
        var year = Rpa([new WrittenOverride(kind, "所管課の判断", "dx", At, Rating: rating)], new WrittenMarks(trend, printedRating, null));

        Assert.Equal(expected, year.Consistency.Result);
    }

    [Fact]
    public void Override_StoredWithoutReason_IsLeftOut_WithAMessage_NeverThrown()
    {
        var year = Rpa([new WrittenOverride(OverrideKind.Unknown, " ", "dx", At)]);

        Assert.Null(year.Override);
        Assert.Equal("△", year.Shown.RatingGlyph);
        Assert.Contains(year.Warnings, m => m.Field == YearField.Override && m.Message.Message.Contains("評価の変更", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconsidered_RatesTheSameValuesInAnotherDirection()
    {
        var year = IndicatorYear.Of(Fy2020, "100件", "", "80件", [Final(2025, "200件")], null);
        var decrease = year.Reconsidered(Direction.Decrease, null);

        Assert.Equal(Direction.Increase, year.Computed.Direction);
        Assert.Equal(Rating.Declined, year.Computed.Rating);
        Assert.Equal(NotRatedReason.DirectionConflictsWithTarget, decrease.Computed.Reason);
        Assert.Same(year.Projection, decrease.Projection);
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Seed_RestoredFromItsRecord_ShowsWhatWasComputed(string id)
    {
        var row = SeedReport.Row(id);
        var targets = TargetsOf(row);
        var overrides = row.JudgedDifferently is null ? [] : new[] { new WrittenOverride(OverrideKind.Unknown, row.JudgedDifferently, "dx", At) };
        var made = IndicatorYear.Of(Fy2020, row.Baseline, row.Actual, row.Projection, targets, null, overrides,
            new WrittenMarks(row.PrintedTrend, row.PrintedRating, row.PrintedInterimReached));

        var restored = IndicatorYear.Read(made.ToRecord(), Fy2020, row.Baseline, row.Actual, row.Projection, targets, null, overrides,
            new WrittenMarks(row.PrintedTrend, row.PrintedRating, row.PrintedInterimReached));

        Assert.True(restored.IsRestored);
        Assert.Equal(made.Computed, restored.Computed);
        Assert.Equal(made.Shown.TrendGlyph + made.Shown.RatingGlyph + made.Shown.InterimGlyph, restored.Shown.TrendGlyph + restored.Shown.RatingGlyph + restored.Shown.InterimGlyph);
        Assert.Equal(made.Printed, restored.Printed);
        Assert.Equal(made.Consistency, restored.Consistency);
        Assert.Equal(made.Explanation, restored.Explanation);
        Assert.Equal(made.Messages, restored.Messages);
        Assert.Equal(made.ValueText, restored.ValueText);
        Assert.Equal((made.ValueMagnitude, made.BaselineMagnitude, made.FinalTargetMagnitude), (restored.ValueMagnitude, restored.BaselineMagnitude, restored.FinalTargetMagnitude));
    }

    [Fact]
    public void Seed_EveryRowJudgedDifferently_AgreesOnceAPersonOverrodeIt()
    {
        foreach (var row in SeedReport.Rows)
        {
            var printed = new WrittenMarks(row.PrintedTrend, row.PrintedRating, row.PrintedInterimReached);
            var computedOnly = IndicatorYear.Of(Fy2020, row.Baseline, row.Actual, row.Projection, TargetsOf(row), null, null, printed);
            var expected = row.JudgedDifferently is null ? Consistency.Agrees : Consistency.Differs;
            Assert.True(expected == computedOnly.Consistency.Result, $"{row.Id}: {computedOnly.Consistency.Reason}");
            if (row.JudgedDifferently is not null)
            {
                // What the department judged, set as a person sets it. (4-1-08 prints ↘ without the parentheses the
                // arrow of an actual takes, so its arrow still differs; its rating mark agrees.)
                var judged = PrintedMarks.Parse(row.PrintedTrend, row.PrintedRating, row.PrintedInterimReached).Value;
                var judgement = judged.TrendKind == PrintedMarkKind.Unknown
                    ? new WrittenOverride(OverrideKind.Unknown, row.JudgedDifferently, "dx", At)
                    : new WrittenOverride(OverrideKind.Marks, row.JudgedDifferently, "dx", At, judged.Trend, judged.Rating, judged.InterimReached);
                var overridden = computedOnly.Reconsidered(null, [judgement]);
                if (row.Id == "4-1-08")
                {
                    Assert.Equal("進捗（矢印）: 印字「↘」、計算「(↘)」", overridden.Consistency.Reason);
                    continue;
                }

                Assert.True(Consistency.Agrees == overridden.Consistency.Result, $"{row.Id}: {overridden.Consistency.Reason}");
            }
        }
    }

    private static readonly IndicatorYearRecord Current = IndicatorYear.Of(Fy2020, "", "", "", [], null).ToRecord();

    public static TheoryData<string, IndicatorYearRecord> BrokenRecords => new()
    {
        { "rated with a reason", new IndicatorYearRecord { RulesVersion = IndicatorYear.RulesVersion, Rating = Rating.Achieved, Reason = NotRatedReason.NoTarget } },
        { "neither rated nor a reason", new IndicatorYearRecord { RulesVersion = IndicatorYear.RulesVersion } },
        { "unevaluable without detail", new IndicatorYearRecord { RulesVersion = IndicatorYear.RulesVersion, Reason = NotRatedReason.Unevaluable } },
        { "unknown reason", new IndicatorYearRecord { RulesVersion = IndicatorYear.RulesVersion, Reason = (NotRatedReason)99 } },
        { "unknown rating", new IndicatorYearRecord { RulesVersion = IndicatorYear.RulesVersion, Rating = (Rating)42 } },
        { "progress without rating", new IndicatorYearRecord { RulesVersion = IndicatorYear.RulesVersion, Reason = NotRatedReason.NoValue, Progress = 0.5m } },
    };

    [Theory]
    [MemberData(nameof(BrokenRecords))]
    public void Restore_ARecordTheRulesCannotGive_IsUnevaluable(string what, IndicatorYearRecord record)
    {
        var year = IndicatorYear.Read(record with { InputHash = Current.InputHash }, Fy2020, "", "", "", [], null);

        Assert.True(NotRatedReason.Unevaluable == year.Computed.Reason, what);
        Assert.Contains("計算し直して", year.Computed.ReasonText);
        Assert.Equal(Evaluation.UnevaluableWords, year.Shown.RatingGlyph);
    }

    [Fact]
    public void Restore_FollowsTheOverridesOfNow_WithoutEvaluating()
    {
        var printed = new WrittenMarks("不明", "不明", null);
        var record = Rpa(printed: printed).ToRecord();
        var overrides = new[] { new WrittenOverride(OverrideKind.Unknown, "実績が未定のため", "dx", At) };

        var restored = IndicatorYear.Read(record, Fy2020, "0時間", "構築中のため未定", "約2,500時間",
            [Interim(2022, "3,000時間"), Final(2025, "6,000時間")], null, overrides, printed);

        Assert.True(restored.IsRestored);
        Assert.Equal(MarkGlyphs.UnknownWords, restored.Shown.RatingGlyph);
        Assert.Equal(Consistency.Agrees, restored.Consistency.Result);
        Assert.Equal(Rating.BelowHalf, restored.Computed.Rating);
    }

    public static TheoryData<string, string, string, int, Direction?, string?> ChangedInputs => new()
    {
        // what changed since the record was made → the year is made again, not restored
        { "actual", "100時間", "約2,500時間", 2025, null, null },
        { "projection", "構築中のため未定", "約3,000時間", 2025, null, null },
        { "final target", "構築中のため未定", "約2,500時間", 2026, null, null },
        { "direction", "構築中のため未定", "約2,500時間", 2025, Direction.Decrease, null },
        { "printed", "構築中のため未定", "約2,500時間", 2025, null, "○" },
    };

    [Theory]
    [MemberData(nameof(ChangedInputs))]
    public void Read_ARecordOfOtherInputs_IsNotTrusted(string what, string actual, string projection, int finalYear, Direction? direction, string? printedRating)
    {
        var record = Rpa().ToRecord();

        var year = IndicatorYear.Read(record, Fy2020, "0時間", actual, projection, [Interim(2022, "3,000時間"), Final(finalYear, "6,000時間")],
            direction, null, printedRating is null ? null : new WrittenMarks(null, printedRating, null));

        Assert.False(year.IsRestored, what);
        Assert.True(IndicatorYear.Read(record, Fy2020, "0時間", "構築中のため未定", "約2,500時間", [Interim(2022, "3,000時間"), Final(2025, "6,000時間")], null).IsRestored);
    }

    public static TheoryData<int, bool> Versions => new()
    {
        { 0, false },
        { IndicatorYear.RulesVersion - 1, false },
        { IndicatorYear.RulesVersion, true },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void IsCurrent_OnlyForTheRulesOfNow(int version, bool current)
    {
        Assert.Equal(current, IndicatorYear.IsCurrent(new IndicatorYearRecord { RulesVersion = version }));
        Assert.False(IndicatorYear.IsCurrent(null));
    }

    public static TheoryData<string> SeedIds => SeedReport.Ids();

    private static WrittenTarget[] TargetsOf(SeedRow row) => row.InterimTarget is null
        ? [Final(2025, row.FinalTarget)]
        : [Interim(2022, row.InterimTarget), Final(2025, row.FinalTarget)];
}

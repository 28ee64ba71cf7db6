using System.Globalization;
using System.Text;
using Shinchoku.Core.Parsing;
using Shinchoku.Core.Time;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Rules;

/// <summary>
/// One KPI's year, made once from what was written: the values (基準値, 実績値, 見込値), the targets in force, the
/// desired direction set for the indicator, the override in force and the printed marks. It holds the values as
/// read, the computed <see cref="Evaluation"/>, the marks shown, the printed marks and how they compare, the
/// explanation in words and every message. Every page, list, export and import reads a KPI's year from here.
/// Never throws: a value that does not read, a stored override that no longer passes or a failure of the rules
/// makes the year 評価できません (or leaves the override out) with a message, so one row cannot take a page down.
/// </summary>
public sealed class IndicatorYear
{
    /// <summary>
    /// The version of the rules (parser, evaluator, consistency) that stored years were computed with. Raise it when
    /// a rule changes: the app then computes every stored year again at start (and <c>recompute</c> does it at once).
    /// </summary>
    public const int RulesVersion = 1;

    private const string NoPrintedMarks = "評価の印字がありません。";

    private IndicatorYear(FiscalYear? fiscalYear, Direction? configuredDirection, YearValue baseline, YearValue actual, YearValue projection,
        YearValue interimTarget, YearValue finalTarget, ReportValues? values, Evaluation computed, RatingOverride? ratingOverride,
        PrintedMarks? printed, IReadOnlyList<YearMessage> messages, string explanation, Magnitudes magnitudes, long inputHash)
    {
        this.inputHash = inputHash;
        FiscalYear = fiscalYear;
        ConfiguredDirection = configuredDirection;
        Baseline = baseline;
        Actual = actual;
        Projection = projection;
        InterimTarget = interimTarget;
        FinalTarget = finalTarget;
        Values = values;
        Computed = computed;
        Override = ratingOverride;
        Shown = new EffectiveMarks(computed, ratingOverride);
        Printed = printed;
        Messages = messages;
        Explanation = explanation;
        chart = magnitudes;
        var printedErrors = messages.Where(m => m.Message.IsError && m.Field is YearField.PrintedTrend or YearField.PrintedRating or YearField.PrintedInterim).ToList();
        Consistency = printedErrors.Count > 0
            ? new ConsistencyCheck(Rules.Consistency.NotComparable, string.Join(" ", printedErrors.Select(m => m.Message.Message)))
            : printed is null ? new ConsistencyCheck(Rules.Consistency.NotComparable, NoPrintedMarks)
            : ConsistencyCheck.Compare(Shown, printed);
    }

    /// <summary>The fiscal year, or null for a sheet's row that names none.</summary>
    public FiscalYear? FiscalYear { get; }

    /// <summary>The direction set for the indicator, or null when it is inferred from the targets.</summary>
    public Direction? ConfiguredDirection { get; }

    /// <summary>基準値 as written and read.</summary>
    public YearValue Baseline { get; }

    /// <summary>実績値 as written and read.</summary>
    public YearValue Actual { get; }

    /// <summary>見込値 as written and read.</summary>
    public YearValue Projection { get; }

    /// <summary>The interim target in force that year, as written and read (text empty when there is none).</summary>
    public YearValue InterimTarget { get; }

    /// <summary>The final target as written and read (text empty when there is none).</summary>
    public YearValue FinalTarget { get; }

    /// <summary>The values the marks are computed from; null for a year restored from storage (nothing is parsed then).</summary>
    public ReportValues? Values { get; }

    /// <summary>The marks computed by the rules, always kept.</summary>
    public Evaluation Computed { get; }

    /// <summary>The override in force, or null.</summary>
    public RatingOverride? Override { get; }

    /// <summary>The marks shown: the computed ones, replaced where a person overrode them.</summary>
    public EffectiveMarks Shown { get; }

    /// <summary>The marks printed in the sheet the report came from, or null when none were printed or they did not read.</summary>
    public PrintedMarks? Printed { get; }

    /// <summary>How the printed marks compare with the marks shown (<see cref="ConsistencyCheck.Compare(EffectiveMarks, PrintedMarks)"/>).</summary>
    public ConsistencyCheck Consistency { get; }

    /// <summary>The progress in words, "(39 − 31) ÷ (41 − 31) = 80% → ○"; empty when there is no progress ratio.</summary>
    public string Explanation { get; }

    /// <summary>Every error and warning, in the order the report prints the fields.</summary>
    public IReadOnlyList<YearMessage> Messages { get; }

    private readonly Magnitudes chart;
    private readonly long inputHash;

    /// <summary>The warnings only (the year was still evaluated).</summary>
    public IEnumerable<YearMessage> Warnings => Messages.Where(m => !m.Message.IsError);

    /// <summary>True when an interim target is in force (資料4-1 prints 中間目標到達).</summary>
    public bool HasInterimTarget => InterimTarget.Text.Length > 0;

    /// <summary>True when the year was read back from storage rather than computed now.</summary>
    public bool IsRestored => Values is null;

    /// <summary>The value the marks were computed from, as written; empty when none.</summary>
    public string ValueText => Computed.Source switch
    {
        ValueSource.Projection => Projection.Text,
        ValueSource.Actual => Actual.Text,
        _ => string.Empty,
    };

    /// <summary>The value the marks were computed from, in the targets' unit, for charts; null when none.</summary>
    public decimal? ValueMagnitude => chart.Value;

    /// <summary>The baseline in the targets' unit, for charts; null when it has no number.</summary>
    public decimal? BaselineMagnitude => chart.Baseline;

    /// <summary>The interim target in force in the targets' unit, for charts; null when it has no number.</summary>
    public decimal? InterimTargetMagnitude => chart.Interim;

    /// <summary>The final target in the targets' unit, for charts; null when it has no number.</summary>
    public decimal? FinalTargetMagnitude => chart.Final;

    /// <summary>True when a printed mark differs from the mark shown.</summary>
    public bool Disagrees => Consistency.Result == Rules.Consistency.Differs;

    /// <summary>The printed arrow as printed, (↗) when from the actual; the words 不明 or 進捗管理の停止; empty when none.</summary>
    public string PrintedTrendGlyph => Printed is null ? string.Empty
        : Printed.Trend is { } t ? t.Glyph(Printed.FromActual) : Word(Printed.TrendKind);

    /// <summary>The printed rating: a glyph, 不明, 進捗管理の停止, or empty.</summary>
    public string PrintedRatingGlyph => Printed is null ? string.Empty
        : Printed.Rating is { } r ? r.Glyph() : Word(Printed.RatingKind);

    /// <summary>The printed interim mark: ○, ×, 不明, 進捗管理の停止, or empty.</summary>
    public string PrintedInterimGlyph => Printed is null ? string.Empty
        : Printed.InterimReached is { } i ? MarkGlyphs.InterimGlyph(i) : Word(Printed.InterimKind);

    /// <summary>
    /// Reads and evaluates a KPI's year from what was written. <paramref name="targets"/> are all of the indicator's
    /// targets; the ones in force for <paramref name="fiscalYear"/> are chosen by <see cref="TargetsInForce.For"/>.
    /// </summary>
    public static IndicatorYear Of(FiscalYear fiscalYear, string? baseline, string? actual, string? projection,
        IEnumerable<WrittenTarget> targets, Direction? direction, IEnumerable<WrittenOverride>? overrides = null, WrittenMarks? printed = null) =>
        Of(fiscalYear, baseline, actual, projection, TargetsInForce.For(targets, fiscalYear), direction, overrides, printed);

    /// <summary>Reads and evaluates a KPI's year whose targets in force are already known (a sheet's row prints them).</summary>
    public static IndicatorYear Of(FiscalYear? fiscalYear, string? baseline, string? actual, string? projection,
        TargetsInForce targets, Direction? direction, IEnumerable<WrittenOverride>? overrides = null, WrittenMarks? printed = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var messages = new List<YearMessage>();
        var b = Read(YearField.Baseline, baseline, null, messages);
        var a = Read(YearField.Actual, actual, null, messages);
        var p = Read(YearField.Projection, projection, null, messages);
        var i = Read(YearField.InterimTarget, targets.Interim?.Text, targets.Interim?.FiscalYear, messages);
        var f = Read(YearField.FinalTarget, targets.Final?.Text, targets.Final?.FiscalYear, messages);
        var marks = ReadPrinted(printed ?? WrittenMarks.None, messages);
        return Evaluate(fiscalYear, direction, b, a, p, i, f, marks, messages, overrides ?? [],
            Fingerprint(baseline, actual, projection, targets, direction, printed));
    }

    /// <summary>
    /// The year of a stored report: restored from <paramref name="record"/> without parsing or evaluating when it was
    /// computed with the current rules from these very inputs; otherwise made again from what was written (a record
    /// never computed, computed before a rule changed, or left behind by a write that did not compute it again).
    /// The overrides are always those given: the marks shown and the comparison with the printed marks follow them.
    /// </summary>
    public static IndicatorYear Read(IndicatorYearRecord? record, FiscalYear fiscalYear, string? baseline, string? actual, string? projection,
        IEnumerable<WrittenTarget> targets, Direction? direction, IEnumerable<WrittenOverride>? overrides = null, WrittenMarks? printed = null)
    {
        var inForce = TargetsInForce.For(targets, fiscalYear);
        return IsCurrent(record) && record!.InputHash == Fingerprint(baseline, actual, projection, inForce, direction, printed)
            ? Restore(record, fiscalYear, direction, baseline, actual, projection, inForce, overrides)
            : Of(fiscalYear, baseline, actual, projection, inForce, direction, overrides, printed);
    }

    /// <summary>
    /// The same values and printed marks rated again with another direction and override (a sheet's row, once it is
    /// matched to an indicator of the database); nothing is parsed again.
    /// </summary>
    public IndicatorYear Reconsidered(Direction? direction, IEnumerable<WrittenOverride>? overrides)
    {
        if (Values is null)
        {
            throw new InvalidOperationException("A year restored from storage has no values to rate again; make it with Of.");
        }

        var messages = Messages.Where(m => m.Field != YearField.Override).ToList();
        return Evaluate(FiscalYear, direction, Baseline, Actual, Projection, InterimTarget, FinalTarget, Printed, messages, overrides ?? [], inputHash);
    }

    /// <summary>What is kept of the year with the report (see <see cref="IndicatorYearRecord"/>).</summary>
    public IndicatorYearRecord ToRecord() => new()
    {
        RulesVersion = RulesVersion,
        InputHash = inputHash,
        Direction = Computed.Direction,
        Source = Computed.Source,
        Progress = Computed.Progress,
        Trend = Computed.Trend,
        Rating = Computed.Rating,
        InterimReached = Computed.InterimReached,
        Reason = Computed.Reason,
        Warnings = Computed.Warnings,
        Detail = Computed.Detail,
        Explanation = Explanation,
        ValueMagnitude = chart.Value,
        BaselineMagnitude = chart.Baseline,
        InterimTargetMagnitude = chart.Interim,
        FinalTargetMagnitude = chart.Final,
        PrintedTrendKind = Printed?.TrendKind ?? PrintedMarkKind.Blank,
        PrintedTrend = Printed?.Trend,
        PrintedFromActual = Printed?.FromActual ?? false,
        PrintedRatingKind = Printed?.RatingKind ?? PrintedMarkKind.Blank,
        PrintedRating = Printed?.Rating,
        PrintedInterimKind = Printed?.InterimKind ?? PrintedMarkKind.Blank,
        PrintedInterimReached = Printed?.InterimReached,
        Messages = WriteMessages(Messages.Where(m => m.Field != YearField.Override)),
    };

    /// <summary>True when <paramref name="record"/> was computed with the current rules (<see cref="RulesVersion"/>).</summary>
    public static bool IsCurrent(IndicatorYearRecord? record) => record is { RulesVersion: RulesVersion };

    /// <summary>
    /// The year as stored, read without parsing or evaluating: the texts as written (for display), the targets in
    /// force, the overrides (which change without a new evaluation: the marks shown and the comparison with the
    /// printed marks follow them) and the record. A record that does not hold together is 評価できません.
    /// </summary>
    private static IndicatorYear Restore(IndicatorYearRecord record, FiscalYear? fiscalYear, Direction? direction,
        string? baseline, string? actual, string? projection, TargetsInForce targets, IEnumerable<WrittenOverride>? overrides)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(targets);
        var computed = Evaluation.Restore(record.Direction, record.Source, record.Progress, record.Trend, record.Rating,
            record.InterimReached, record.Reason, record.Warnings, record.Detail);
        var messages = ReadMessages(record.Messages);
        PrintedMarks? printed = record.PrintedTrendKind == PrintedMarkKind.Blank && record.PrintedRatingKind == PrintedMarkKind.Blank
            && record.PrintedInterimKind == PrintedMarkKind.Blank ? null : new PrintedMarks
            {
                TrendKind = record.PrintedTrendKind,
                Trend = record.PrintedTrend,
                FromActual = record.PrintedFromActual,
                RatingKind = record.PrintedRatingKind,
                Rating = record.PrintedRating,
                InterimKind = record.PrintedInterimKind,
                InterimReached = record.PrintedInterimReached,
            };
        var active = ActiveOverride(overrides ?? [], messages);
        return new IndicatorYear(fiscalYear, direction, Unread(baseline, null), Unread(actual, null), Unread(projection, null),
            Unread(targets.Interim?.Text, targets.Interim?.FiscalYear), Unread(targets.Final?.Text, targets.Final?.FiscalYear),
            null, computed, active, printed, messages, record.Explanation,
            new Magnitudes(record.ValueMagnitude, record.BaselineMagnitude, record.InterimTargetMagnitude, record.FinalTargetMagnitude), record.InputHash);

        static YearValue Unread(string? text, FiscalYear? year) => new((text ?? string.Empty).Trim(), null, year);
    }

    private static IndicatorYear Evaluate(FiscalYear? fiscalYear, Direction? direction, YearValue baseline, YearValue actual, YearValue projection,
        YearValue interim, YearValue final, PrintedMarks? printed, List<YearMessage> messages, IEnumerable<WrittenOverride> overrides, long inputHash)
    {
        var active = ActiveOverride(overrides, messages);
        var values = new ReportValues(baseline.Value, actual.Value, projection.Value, final.Value, interim.Value);
        var inferred = direction ?? Direction.Unknown;
        var unreadable = messages.FirstOrDefault(m => m.Message.IsError && m.Field <= YearField.FinalTarget);
        if (unreadable.Message.IsError)
        {
            return Failed(YearMessage.Label(unreadable.Field) + "：" + unreadable.Message.Message);
        }

        try
        {
            var computed = Evaluator.Evaluate(new Indicator(direction), values);
            var magnitudes = new Magnitudes(
                computed.Source switch
                {
                    ValueSource.Projection => Evaluator.MagnitudeInTargetUnit(values, values.Projection),
                    ValueSource.Actual => Evaluator.MagnitudeInTargetUnit(values, values.Actual),
                    _ => null,
                },
                Evaluator.MagnitudeInTargetUnit(values, values.Baseline),
                Evaluator.MagnitudeInTargetUnit(values, values.InterimTarget),
                Evaluator.MagnitudeInTargetUnit(values, values.FinalTarget));
            return new IndicatorYear(fiscalYear, direction, baseline, actual, projection, interim, final, values, computed, active,
                printed, messages, Evaluator.Explain(values, computed), magnitudes, inputHash);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect in the rules must not take every page down with it: this row says so, the others are shown.
            return Failed(e is ArithmeticException
                ? "計算の途中で数値が扱える範囲を超えました。値を確かめてください。"
                : "評価の計算に失敗しました。デジタル改革推進局に連絡してください。");
        }

        // The computed marks are left out; a person's override, when there is one, is still what is shown.
        IndicatorYear Failed(string detail) => new(fiscalYear, direction, baseline, actual, projection, interim, final, values,
            Evaluation.Unevaluable(detail, inferred), active, printed, messages, string.Empty, default, inputHash);
    }

    private static RatingOverride? ActiveOverride(IEnumerable<WrittenOverride> overrides, List<YearMessage> messages)
    {
        if (RatingOverride.Active(overrides) is not { } o)
        {
            return null;
        }

        try
        {
            return new RatingOverride(o.Kind, o.Reason, o.By, o.At, o.Trend, o.Rating, o.InterimReached);
        }
        catch (ArgumentException e)
        {
            // Saved before the rule it breaks: the computed marks are shown, and the record says why.
            messages.Add(new YearMessage(YearField.Override, ParseMessage.Warning(ParseProblem.Unrecognised,
                "評価の変更の記録が読み取れないため、算出した評価を表示しています（" + e.Message.Split(" (Parameter", 2)[0] + "）。")));
            return null;
        }
    }

    private static YearValue Read(YearField field, string? text, FiscalYear? year, List<YearMessage> messages)
    {
        var written = (text ?? string.Empty).Trim();
        var read = KpiValue.Parse(written);
        foreach (var m in read.Messages)
        {
            messages.Add(new YearMessage(field, m));
        }

        return new YearValue(written, read.GetValueOrDefault(), year);
    }

    /// <summary>Reads each printed cell on its own, so that an error names its cell, then the three together.</summary>
    private static PrintedMarks? ReadPrinted(WrittenMarks written, List<YearMessage> messages)
    {
        if (written.IsBlank)
        {
            return null;
        }

        var errors = messages.Count;
        foreach (var (field, read) in new[]
        {
            (YearField.PrintedTrend, PrintedMarks.Parse(written.Trend, null)),
            (YearField.PrintedRating, PrintedMarks.Parse(null, written.Rating)),
            (YearField.PrintedInterim, PrintedMarks.Parse(null, null, written.Interim)),
        })
        {
            messages.AddRange(read.Errors.Select(m => new YearMessage(field, m)));
        }

        return messages.Count > errors ? null : PrintedMarks.Parse(written.Trend, written.Rating, written.Interim).GetValueOrDefault();
    }

    /// <summary>FNV-1a over every input, separated, so that the fingerprint is the same in every process (string hashes are not).</summary>
    private static long Fingerprint(string? baseline, string? actual, string? projection, TargetsInForce targets, Direction? direction, WrittenMarks? printed)
    {
        var hash = 14695981039346656037UL;
        void Add(string? text)
        {
            foreach (var c in (text ?? string.Empty).Trim())
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ 0xFFFF) * 1099511628211UL;
        }

        Add(baseline);
        Add(actual);
        Add(projection);
        Add(targets.Interim?.Text);
        Add(targets.Interim?.FiscalYear?.StartYear.ToString(CultureInfo.InvariantCulture));
        Add(targets.Final?.Text);
        Add(targets.Final?.FiscalYear?.StartYear.ToString(CultureInfo.InvariantCulture));
        Add(direction?.ToString());
        Add(printed?.Trend);
        Add(printed?.Rating);
        Add(printed?.Interim);
        return unchecked((long)hash);
    }

    private static string WriteMessages(IEnumerable<YearMessage> messages)
    {
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            sb.Append(m.Field).Append('\t').Append(m.Message.IsError ? 'E' : 'W').Append('\t').Append(m.Message.Problem).Append('\t')
                .Append(m.Message.Message.Replace('\n', ' ').Replace('\t', ' ')).Append('\n');
        }

        return sb.ToString();
    }

    private static List<YearMessage> ReadMessages(string? stored)
    {
        var messages = new List<YearMessage>();
        foreach (var line in (stored ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', 4);
            if (parts.Length == 4 && Enum.TryParse<YearField>(parts[0], out var field) && Enum.TryParse<ParseProblem>(parts[2], out var problem))
            {
                messages.Add(new YearMessage(field, parts[1] == "E" ? ParseMessage.Error(problem, parts[3]) : ParseMessage.Warning(problem, parts[3])));
            }
        }

        return messages;
    }

    private static string Word(PrintedMarkKind kind) => kind switch
    {
        PrintedMarkKind.Unknown => MarkGlyphs.UnknownWords,
        PrintedMarkKind.Suspended => MarkGlyphs.SuspendedWords,
        _ => string.Empty,
    };

    private readonly record struct Magnitudes(decimal? Value, decimal? Baseline, decimal? Interim, decimal? Final);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{FiscalYear?.ToString() ?? "（年度なし）"} {Shown.TrendGlyph} {Shown.RatingGlyph} {Consistency.Result}");
}

/// <summary>One value of a KPI's year: the text as written and, when it read, its parsed form.</summary>
/// <param name="Text">As written, trimmed; empty when nothing was written.</param>
/// <param name="Value">The parsed value; null when the text did not read, or when the year was restored from storage.</param>
/// <param name="FiscalYear">For a target, the fiscal year by which it is to be reached; otherwise null.</param>
public sealed record YearValue(string Text, KpiValue? Value, FiscalYear? FiscalYear);

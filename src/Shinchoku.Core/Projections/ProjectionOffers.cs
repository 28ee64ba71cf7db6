using System.Globalization;
using Shinchoku.Core.Time;
using Shinchoku.Core.Values;

namespace Shinchoku.Core.Projections;

/// <summary>
/// The projections (見込値) offered from a year's actual and its as-of note, each with its basis written out:
/// 年度末換算 (the year to date pro-rated to twelve months, for values that pile up within the year), 前年度伸び率
/// (the growth since last year's actual continued to the year end) and 据え置き (the actual unchanged). A method that
/// cannot be used says why. Pure rules: reads text, never throws; the marks each offer gives are the evaluator's
/// (through the KPI year), not computed here.
/// </summary>
public sealed class ProjectionOffers
{
    private const string CumulativeCaution =
        "年度の中で積み上がっていく値（申請件数や利用者数の年度累計など）の場合に限ります。人口・率・残高のような値には使わないでください。";

    private ProjectionOffers(IReadOnlyList<ProjectionOffer> offers, IReadOnlyList<ProjectionRefusal> refused)
    {
        Offers = offers;
        Refused = refused;
    }

    /// <summary>The offers, in the order 年度末換算, 前年度伸び率, 据え置き.</summary>
    public IReadOnlyList<ProjectionOffer> Offers { get; }

    /// <summary>The methods not offered, with the reason.</summary>
    public IReadOnlyList<ProjectionRefusal> Refused { get; }

    /// <summary>The offer made with <paramref name="method"/>, or null.</summary>
    public ProjectionOffer? Find(ProjectionMethod method) => Offers.FirstOrDefault(o => o.Method == method);

    /// <summary>
    /// The offers for <paramref name="fiscalYear"/> from <paramref name="actual"/> as written (65,791人（令和2年12月末現在）)
    /// and last year's actual as written (for 前年度伸び率; a note-less one counts as of last year's end).
    /// </summary>
    public static ProjectionOffers For(FiscalYear fiscalYear, string? actual, string? lastYearActual)
    {
        var offers = new List<ProjectionOffer>();
        var refused = new List<ProjectionRefusal>();
        var all = new[] { ProjectionMethod.YearEndProRata, ProjectionMethod.LastYearGrowth, ProjectionMethod.Unchanged };
        if (string.IsNullOrWhiteSpace(actual))
        {
            refused.AddRange(all.Select(m => new ProjectionRefusal(m, "実績値を入力すると、見込値の候補を示します。")));
            return new ProjectionOffers(offers, refused);
        }

        if (KpiValue.Parse(actual) is not { Success: true, Value: Quantity quantity })
        {
            refused.AddRange(all.Select(m => new ProjectionRefusal(m, "実績値が数量（例: 1,234件（令和3年12月末現在））として読み取れないため、見込値を計算できません。")));
            return new ProjectionOffers(offers, refused);
        }

        var asOf = quantity.AsOf;
        var elapsed = Elapsed(fiscalYear, asOf, out var why);
        if (elapsed is null)
        {
            refused.Add(new ProjectionRefusal(ProjectionMethod.YearEndProRata, why!));
        }
        else if (quantity.Unit.IsPercent)
        {
            refused.Add(new ProjectionRefusal(ProjectionMethod.YearEndProRata, "割合（%）は年度末に換算できません。"));
        }
        else
        {
            offers.Add(ProRata(fiscalYear, quantity, elapsed.Value));
        }

        var growth = GrowthOf(fiscalYear, quantity, elapsed, why, lastYearActual);
        if (growth.Offer is { } grown)
        {
            offers.Add(grown);
        }
        else
        {
            refused.Add(growth.Refusal!);
        }

        var when = asOf is null ? "" : asOf.Format(brackets: false) + "の";
        offers.Add(new ProjectionOffer(ProjectionMethod.Unchanged, Write(quantity.Number, quantity),
            $"{when}実績値を据え置き（年度末まで増減しない見込み）"));
        return new ProjectionOffers(offers, refused);
    }

    /// <summary>
    /// How far into <paramref name="fiscalYear"/> the as-of note is: months through a month (令和2年12月末現在: 9 of 12),
    /// or days through a day (令和2年12月15日現在: 259 of 365). Null, with the reason, when there is no note, when it
    /// names a range, a whole year or the year end, or lies outside the fiscal year.
    /// </summary>
    private static Elapsed? Elapsed(FiscalYear fiscalYear, AsOf? asOf, out string? why)
    {
        why = null;
        if (asOf is null)
        {
            why = "実績値に時点（例: （令和3年12月末現在））が書かれていないため、年度末に換算できません。";
            return null;
        }

        if (asOf.IsRange)
        {
            why = $"実績値の時点（{asOf.Format(brackets: false)}）が期間の累計のため、年度末に換算できません。";
            return null;
        }

        if (asOf.Kind is AsOfKind.FiscalYear or AsOfKind.CalendarYear)
        {
            why = $"実績値の時点（{asOf.Format(brackets: false)}）が年（年度）単位のため、換算の必要はありません。";
            return null;
        }

        if (!fiscalYear.Contains(asOf.End))
        {
            why = $"実績値の時点（{asOf.Format(brackets: false)}）が{fiscalYear}の中にないため、年度末に換算できません。";
            return null;
        }

        if (asOf.End == fiscalYear.LastDay)
        {
            why = $"実績値が年度末（{asOf.Format(brackets: false)}）のものなので、換算の必要はありません。";
            return null;
        }

        if (asOf.Kind == AsOfKind.Month)
        {
            var months = ((asOf.Period.Year * 12) + asOf.Period.Month) - ((fiscalYear.StartYear * 12) + 4) + 1;
            return new Elapsed(asOf, months, 12, IsMonths: true);
        }

        var days = asOf.End.DayNumber - fiscalYear.FirstDay.DayNumber + 1;
        return new Elapsed(asOf, days, fiscalYear.LastDay.DayNumber - fiscalYear.FirstDay.DayNumber + 1, IsMonths: false);
    }

    private static ProjectionOffer ProRata(FiscalYear fiscalYear, Quantity actual, Elapsed elapsed)
    {
        var (value, exact) = Round(actual.Number * elapsed.Whole / elapsed.Part, actual);
        var start = AsOfPeriod.OfMonth(fiscalYear.StartYear, 4).ToString();
        var end = elapsed.AsOf.Period;
        string period;
        string basis;
        if (elapsed.IsMonths)
        {
            // 令和2年4～12月 within one calendar year, else 令和2年4月～令和3年2月.
            period = end.Year == fiscalYear.StartYear ? $"{start[..^1]}～{end.Month}月" : $"{start}～{end}";
            basis = $"{period}の{elapsed.Part}か月の実績を12か月に換算（{Number(actual.Number)} × 12 ÷ {elapsed.Part} {(exact ? "=" : "≒")} {Write(value, actual)}）";
        }
        else
        {
            period = $"{JapaneseDate.Format(fiscalYear.FirstDay)}～{end}";
            basis = $"{period}の{elapsed.Part}日間の実績を1年（{elapsed.Whole}日）に換算（{Number(actual.Number)} × {elapsed.Whole} ÷ {elapsed.Part} {(exact ? "=" : "≒")} {Write(value, actual)}）";
        }

        return new ProjectionOffer(ProjectionMethod.YearEndProRata, Write(value, actual), basis, CumulativeCaution);
    }

    /// <summary>
    /// 前年度伸び率: the change from last year's actual to this one, over the time between their as-of notes, continued
    /// at the same pace to the year end. Needs this year's note inside the year (before its end) and last year's actual
    /// as a quantity in the same unit.
    /// </summary>
    private static GrowthResult GrowthOf(FiscalYear fiscalYear, Quantity actual, Elapsed? elapsed, string? why, string? lastYearActual)
    {
        if (elapsed is null)
        {
            return new GrowthResult(null, new ProjectionRefusal(ProjectionMethod.LastYearGrowth, why!));
        }

        if (string.IsNullOrWhiteSpace(lastYearActual))
        {
            return Refuse("前年度の実績値がないため、伸び率を計算できません。");
        }

        if (KpiValue.Parse(lastYearActual) is not { Success: true, Value: Quantity last }
            || !last.Unit.IsCompatibleWith(actual.Unit) || last.Unit.IsNone != actual.Unit.IsNone)
        {
            return Refuse($"前年度の実績値（{lastYearActual.Trim()}）が今年度の実績値と同じ単位の数量として読み取れないため、伸び率を計算できません。");
        }

        var previous = fiscalYear.Previous();
        var lastAsOf = last.AsOf;
        var lastEnd = lastAsOf?.End ?? previous.LastDay;
        var thisEnd = elapsed.Value.AsOf.End;
        if (lastEnd >= thisEnd)
        {
            return Refuse($"前年度の実績値の時点（{lastAsOf?.Format(brackets: false)}）が今年度の実績値の時点より後のため、伸び率を計算できません。");
        }

        // Last year's figure in this year's unit (千人 and 人 alike).
        var lastNumber = last.Magnitude / actual.Unit.Scale;
        var change = actual.Number - lastNumber;
        // Month ends on both sides read as months (9か月); anything else is counted in days.
        var byMonths = elapsed.Value.IsMonths && lastEnd.AddDays(1).Day == 1;
        int span, rest;
        string unitWord;
        if (byMonths)
        {
            span = MonthIndex(thisEnd) - MonthIndex(lastEnd);
            rest = MonthIndex(fiscalYear.LastDay) - MonthIndex(thisEnd);
            unitWord = "か月";
        }
        else
        {
            span = thisEnd.DayNumber - lastEnd.DayNumber;
            rest = fiscalYear.LastDay.DayNumber - thisEnd.DayNumber;
            unitWord = "日";
        }

        var (value, exact) = Round(actual.Number + (change * rest / span), actual);
        if (value < 0)
        {
            return Refuse("同じ伸びが続くと年度末の値が0を下回るため、伸び率による見込値は示しません。");
        }

        var lastWhen = lastAsOf is null
            ? $"{previous}末とみなした前年度実績"
            : $"前年度実績（{lastAsOf.Format(brackets: false)}）";
        var sign = change >= 0 ? "+" : "−";
        var basis = $"{lastWhen}{Number(lastNumber)}{actual.Unit.Text}から{elapsed.Value.AsOf.Format(brackets: false)}までの{span}{unitWord}の伸び（{sign}{Number(Math.Abs(change))}{actual.Unit.Text}）が"
            + $"年度末まで続くとして換算（{Number(actual.Number)} {sign} {Number(Math.Abs(change))} × {rest} ÷ {span} {(exact ? "=" : "≒")} {Write(value, actual)}）";
        return new GrowthResult(new ProjectionOffer(ProjectionMethod.LastYearGrowth, Write(value, actual), basis), null);

        static GrowthResult Refuse(string reason) => new(null, new ProjectionRefusal(ProjectionMethod.LastYearGrowth, reason));
        static int MonthIndex(DateOnly d) => (d.Year * 12) + d.Month;
    }

    /// <summary>Rounds to the actual's decimal places (65,791 → whole numbers), half away from zero; says whether nothing was lost.</summary>
    private static (decimal Value, bool Exact) Round(decimal value, Quantity actual)
    {
        var rounded = Math.Round(value, actual.Number.Scale, MidpointRounding.AwayFromZero);
        return (rounded, rounded == value);
    }

    private static string Number(decimal value) => value.ToString("#,0.######", CultureInfo.InvariantCulture);

    /// <summary>The number with the actual's decimal places and unit, as the report writes a value: 87,721人, 12.5%.</summary>
    private static string Write(decimal value, Quantity actual)
    {
        var places = actual.Number.Scale;
        var format = places == 0 ? "#,0" : "#,0." + new string('0', places);
        return value.ToString(format, CultureInfo.InvariantCulture) + actual.Unit.Text;
    }

    private readonly record struct GrowthResult(ProjectionOffer? Offer, ProjectionRefusal? Refusal);
}

/// <summary>How much of the fiscal year an as-of note covers: <see cref="Part"/> of <see cref="Whole"/> months or days.</summary>
internal readonly record struct Elapsed(AsOf AsOf, int Part, int Whole, bool IsMonths);

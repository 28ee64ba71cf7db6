using System.Globalization;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.OpenData;

/// <summary>A query parameter that cannot be used, with the Japanese explanation returned as problem+json.</summary>
public sealed record ParameterProblem(string Parameter, string Detail);

/// <summary>
/// The filters of the indicator list, as on the public pages: plan, area (a node key and everything under it),
/// rating, trend, department, fiscal year and a keyword; and the page asked for.
/// </summary>
public sealed record IndicatorFilter(
    string? Plan, string? Area, string? Rating, string? Trend, string? Department, FiscalYear? FiscalYear, string? Query, int Page, int PageSize)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The value of <c>rating</c> that selects indicators without a rating.</summary>
    public const string NotRated = "none";

    private static readonly Dictionary<string, string> Ratings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["◎"] = "◎", ["achieved"] = "◎",
        ["○"] = "○", ["〇"] = "○", ["halfOrMore"] = "○",
        ["△"] = "△", ["belowHalf"] = "△",
        ["ー"] = "ー", ["－"] = "ー", ["-"] = "ー", ["noChange"] = "ー",
        ["×"] = "×", ["declined"] = "×",
        [NotRated] = NotRated,
    };

    private static readonly Dictionary<string, string> Trends = new(StringComparer.OrdinalIgnoreCase)
    {
        ["↗"] = "↗", ["improved"] = "↗",
        ["→"] = "→", ["unchanged"] = "→",
        ["↘"] = "↘", ["worsened"] = "↘",
    };

    /// <summary>Reads the filters (<paramref name="raw"/> is the whole query string); the first unusable parameter is returned as a problem.</summary>
    public static (IndicatorFilter? Filter, ParameterProblem? Problem) Read(IndicatorQuery query, IQueryCollection raw, OpenDataSnapshot snapshot)
    {
        static string? Single(string? value) => value?.Trim() is { Length: > 0 } s ? s : null;
        foreach (var (name, values) in raw)
        {
            if (values.Count > 1)
            {
                return (null, new ParameterProblem(name, $"{name} は一つだけ指定してください（{values.Count} 個指定されています）。"));
            }
        }

        var page = 1;
        if (Single(query.Page) is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return (null, new ParameterProblem("page", $"page の値「{pageText}」は使えません。1 以上の整数を指定してください。"));
        }

        var pageSize = DefaultPageSize;
        if (Single(query.PageSize) is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return (null, new ParameterProblem("pageSize", $"pageSize の値「{sizeText}」は使えません。1 から {MaxPageSize} までの整数を指定してください。"));
        }

        var plan = Single(query.Plan);
        if (plan is not null && !snapshot.Trees.ContainsKey(plan))
        {
            return (null, new ParameterProblem("plan", $"plan の値「{plan}」に当たる公開中の計画はありません。計画の一覧は /api/v1/plans にあります。"));
        }

        var area = Single(query.Area);
        if (area is not null && !snapshot.Nodes.Where(p => plan is null || p.Key == plan).Any(p => p.Value.Exists(n => n.Key == area)))
        {
            return (null, new ParameterProblem("area", $"area の値「{area}」に当たる項目はありません。項目のキーは /api/v1/plans/{{key}}/tree にあります。"));
        }

        string? rating = null;
        if (Single(query.Rating) is { } ratingText && !Ratings.TryGetValue(ratingText, out rating))
        {
            return (null, new ParameterProblem("rating", $"rating の値「{ratingText}」は使えません。◎ ○ △ ー × のいずれか（評価のないものは {NotRated}）を指定してください。"));
        }

        string? trend = null;
        if (Single(query.Trend) is { } trendText && !Trends.TryGetValue(trendText, out trend))
        {
            return (null, new ParameterProblem("trend", $"trend の値「{trendText}」は使えません。↗ → ↘ のいずれか（improved, unchanged, worsened でも可）を指定してください。"));
        }

        FiscalYear? fiscalYear = null;
        if (Single(query.FiscalYear) is { } yearText)
        {
            var parsed = Core.Time.FiscalYear.Parse(yearText);
            if (!parsed.Success)
            {
                return (null, new ParameterProblem("fiscalYear", $"fiscalYear の値「{yearText}」は使えません。2020 や 令和2年度 のように年度を指定してください。"));
            }

            fiscalYear = parsed.Value;
        }

        var q = Single(query.Q);
        if (q is { Length: > 200 })
        {
            return (null, new ParameterProblem("q", "q は 200 文字以内で指定してください。"));
        }

        return (new IndicatorFilter(plan, area, rating, trend, Single(query.Department), fiscalYear, q, page, pageSize), null);
    }

    /// <summary>The rows that match, each for the fiscal year asked for (or its latest published one).</summary>
    public IEnumerable<IndicatorItem> Apply(OpenDataSnapshot snapshot)
    {
        foreach (var entry in snapshot.Indicators)
        {
            IndicatorItem? row;
            if (FiscalYear is { } year)
            {
                if (!entry.ByYear.TryGetValue(year, out row))
                {
                    continue;
                }
            }
            else
            {
                row = entry.Latest;
            }

            if ((Plan is null || row.PlanKey == Plan)
                && (Area is null || entry.AreaKeys.Contains(Area))
                && (Rating is null || (Rating == NotRated ? !IsRatingGlyph(row.Rating) : row.Rating == Rating))
                && (Trend is null || row.Trend.Contains(Trend, StringComparison.Ordinal))
                && (Department is null || row.Departments.Contains(Department, StringComparer.Ordinal))
                && (Query is null || Matches(row, Query)))
            {
                yield return row;
            }
        }
    }

    private static bool IsRatingGlyph(string glyph) => glyph is "◎" or "○" or "△" or "ー" or "×";

    private static bool Matches(IndicatorItem row, string q) =>
        row.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
        || row.InitiativeTitle.Contains(q, StringComparison.OrdinalIgnoreCase)
        || row.Departments.Any(d => d.Contains(q, StringComparison.OrdinalIgnoreCase));
}

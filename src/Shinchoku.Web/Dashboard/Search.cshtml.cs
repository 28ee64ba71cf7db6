using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Shared;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Dashboard;

/// <summary>
/// Search and filter the KPIs of a plan: keyword, area, rating, trend, department and fiscal year. Every view is a
/// GET URL (shareable, bookmarkable); server-rendered. Public; published reports only.
/// </summary>
[PublicPage]
public class SearchModel(ShinchokuDb db, OpenDataStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "plan")]
    public string? PlanKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "rating")]
    public string? Rating { get; set; }

    [BindProperty(SupportsGet = true, Name = "trend")]
    public string? Trend { get; set; }

    [BindProperty(SupportsGet = true, Name = "department")]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true, Name = "fy")]
    public FiscalYear? FiscalYear { get; set; }

    /// <summary>The page of results, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Results per page.</summary>
    public const int PageSize = 50;

    /// <summary>Every matching KPI (all pages).</summary>
    public List<KpiRow> Matches { get; private set; } = [];

    public int PageCount => Math.Max(1, (Matches.Count + PageSize - 1) / PageSize);

    public List<Shinchoku.Web.Strategy.Plan> Plans { get; private set; } = [];

    public PlanProgress? Progress { get; private set; }

    public List<KpiRow> Results { get; private set; } = [];

    public List<string> Departments { get; private set; } = [];

    /// <summary>The filters in force, in words, for the heading and screen readers.</summary>
    public List<string> Applied { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Plans = await db.Plans
            .Where(p => p.Status != PlanStatus.Draft)
            .OrderByDescending(p => db.ReportingCycles.Where(Publication.IsPublished).Any(c => c.PlanId == p.Id))
            .ThenByDescending(p => p.Id)
            .ToListAsync();
        var key = string.IsNullOrWhiteSpace(PlanKey) ? Plans.FirstOrDefault()?.Key : PlanKey;
        if (key is null || !Plans.Any(p => p.Key == key))
        {
            return PlanKey is null ? Page() : NotFound();
        }

        Progress = await PlanProgress.LoadAsync(db, store, key, User, FiscalYear);
        if (Progress is null)
        {
            return NotFound();
        }

        ViewData[YearLinks.ViewDataKey] = Progress.IsChosen(FiscalYear) ? FiscalYear : null;
        Departments = [.. Progress.Rows.SelectMany(r => r.Indicator.Departments.Select(d => d.Name)).Distinct().Order(StringComparer.Ordinal)];
        IEnumerable<KpiRow> rows = Progress.Rows;
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var words = Query.Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries);
            rows = rows.Where(r => words.All(w => Haystack(r).Contains(w, StringComparison.OrdinalIgnoreCase)));
            Applied.Add($"キーワード「{Query.Trim()}」");
        }

        if (!string.IsNullOrWhiteSpace(Area) && Progress.Plan.Nodes.FirstOrDefault(n => n.Key == Area) is { } node)
        {
            var under = Progress.RowsUnder(node).Select(r => r.Indicator.Id).ToHashSet();
            rows = rows.Where(r => under.Contains(r.Indicator.Id));
            Applied.Add($"分野「{node.DisplayTitle}」");
        }

        if (MarkText.FromSlug(Rating) is { } bucket)
        {
            rows = rows.Where(r => r.Bucket == bucket);
            Applied.Add($"評価「{MarkText.Label(bucket)}」");
        }
        else if (Rating == "not-rated")
        {
            rows = rows.Where(r => MarkText.NotRatedBuckets.Contains(r.Bucket));
            Applied.Add("評価なし");
        }

        if (MarkText.TrendFromSlug(Trend) is { } trend)
        {
            rows = rows.Where(r => r.Trend == trend);
            Applied.Add($"進捗「{trend.Glyph()} {MarkText.TrendWords(trend)}」");
        }

        if (!string.IsNullOrWhiteSpace(Department))
        {
            rows = rows.Where(r => r.Indicator.Departments.Any(d => d.Name == Department));
            Applied.Add($"所管課「{Department}」");
        }

        Matches = [.. rows];
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Results = [.. Matches.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Page();
    }

    private static string Haystack(KpiRow r) =>
        string.Join('\n', r.Indicator.Name, r.Initiative.Title, r.Departments, r.Area?.Title ?? "",
            r.LatestReport?.Status ?? "", r.LatestReport?.Plan ?? "");

    /// <summary>This view's URL: the query string of the filters in force, so it can be shared.</summary>
    public string ShareUrl => UrlOfPage(PageNumber);

    /// <summary>The URL of another page of the same results.</summary>
    public string UrlOfPage(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("plan", Progress?.Plan.Key);
        Add("q", Query);
        Add("area", Area);
        Add("rating", Rating);
        Add("trend", Trend);
        Add("department", Department);
        Add("fy", (ViewData[YearLinks.ViewDataKey] as FiscalYear?)?.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return "/indicators" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}

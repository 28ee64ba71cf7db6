namespace Shinchoku.Web.Dashboard;

/// <summary>The model of the mark-count partial: the counts, and the search URL each count links to (null: no links); in English for the English pages.</summary>
public sealed record MarkCountsView(MarkCounts Counts, string? SearchUrl, string? Heading = null, bool English = false)
{
    /// <summary>The search URL narrowed to one bucket.</summary>
    public string? LinkFor(MarkBucket bucket) =>
        SearchUrl is null ? null : SearchUrl + (SearchUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "rating=" + MarkText.Slug(bucket);
}

/// <summary>The model of the KPI-table partial; in English for the English pages (names and values stay Japanese, marked lang="ja").</summary>
public sealed record KpiTableView(IReadOnlyList<KpiRow> Rows, PublishedYear? Year, string Caption, bool ShowArea = false, bool English = false);

using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Shinchoku.Web.OpenData;

/// <summary>The query parameters of the indicator lists (JSON and CSV), as the OpenAPI document describes them.</summary>
public sealed record IndicatorQuery(
    [property: FromQuery(Name = "plan"), Description("計画キー（例: chiba-ict）")] string? Plan,
    [property: FromQuery(Name = "area"), Description("項目キー: その項目と下位の項目に掲げる取組の成果指標")] string? Area,
    [property: FromQuery(Name = "rating"), Description("進捗率: ◎ ○ △ ー × または none（評価なし）")] string? Rating,
    [property: FromQuery(Name = "trend"), Description("進捗: ↗ → ↘（improved, unchanged, worsened でも可）")] string? Trend,
    [property: FromQuery(Name = "department"), Description("所管課の名称（例: 税務課）")] string? Department,
    [property: FromQuery(Name = "fiscalYear"), Description("年度: 2020 や 令和2年度。指定がなければ公表済みの最新年度")] string? FiscalYear,
    [property: FromQuery(Name = "q"), Description("キーワード: 成果指標名・取組名・所管課名に含まれる語")] string? Q,
    [property: FromQuery(Name = "page"), Description("ページ番号（1から）")] string? Page,
    [property: FromQuery(Name = "pageSize"), Description("1ページの件数（1〜500、既定 50）")] string? PageSize);

/// <summary>
/// The /api/v1 endpoints: static handlers over the current <see cref="OpenDataSnapshot"/>. Every answer carries the
/// snapshot's ETag, Last-Modified, a short public Cache-Control and the licence (Link header, and a field or file).
/// </summary>
public static class OpenDataApi
{
    private const string CsvType = "text/csv; charset=utf-8";

    /// <summary>Maps the endpoints on <paramref name="api"/> (the /api/v1 group).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plans", Plans).WithName("ListPlans").WithSummary("公開中の計画の一覧");
        api.MapGet("/plans.csv", PlansCsv).WithName("ListPlansCsv").WithSummary("公開中の計画の一覧（CSV）").Produces(200, contentType: CsvType);
        api.MapGet("/plans/{planKey}", Plan).WithName("GetPlan").WithSummary("計画");
        api.MapGet("/plans/{planKey}/tree", Tree).WithName("GetPlanTree").WithSummary("計画の体系（目指す姿から取組まで）");
        api.MapGet("/plans/{planKey}/tree.csv", TreeCsv).WithName("GetPlanTreeCsv").WithSummary("計画の体系の項目（CSV）").Produces(200, contentType: CsvType);
        api.MapGet("/plans/{planKey}/initiatives", Initiatives).WithName("ListInitiatives").WithSummary("計画の取組の一覧");
        api.MapGet("/plans/{planKey}/initiatives.csv", InitiativesCsv).WithName("ListInitiativesCsv").WithSummary("計画の取組の一覧（CSV）").Produces(200, contentType: CsvType);
        api.MapGet("/indicators", Indicators).WithName("ListIndicators").WithSummary("成果指標の一覧（絞り込み・ページ分け）")
            .Produces<PagedList<IndicatorItem>>(200, "application/json");
        api.MapGet("/indicators.csv", IndicatorsCsv).WithName("ListIndicatorsCsv").WithSummary("成果指標の一覧（CSV、絞り込み可、ページ分けなし）").Produces(200, contentType: CsvType);
        api.MapGet("/indicators/{id:int}", Indicator).WithName("GetIndicator").WithSummary("成果指標と公表済みの各年度の値・評価・算出方法");
        api.MapGet("/values.csv", ValuesCsv).WithName("ListValuesCsv").WithSummary("成果指標の公表済みの各年度の値・評価（CSV、絞り込み可）").Produces(200, contentType: CsvType);
        api.MapGet("/download.zip", Download).WithName("DownloadAll").WithSummary("すべてのオープンデータ（CSV、README、LICENSE）の一括ダウンロード").Produces(200, contentType: "application/zip");
    }

    private static async Task<Results<Ok<ListPage<PlanItem>>, StatusCodeHttpResult>> Plans(HttpContext context, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        return NotModified(context, s) ? TypedResults.StatusCode(304) : TypedResults.Ok(new ListPage<PlanItem>(s.Plans, OpenDataSetup.License));
    }

    private static async Task<IResult> PlansCsv(HttpContext context, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        return NotModified(context, s) ? TypedResults.StatusCode(304) : Csv(OpenDataCsv.Plans(s), "plans.csv");
    }

    private static async Task<Results<Ok<PlanItem>, ProblemHttpResult, StatusCodeHttpResult>> Plan(HttpContext context, string planKey, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (s.Plans.Find(p => p.Key == planKey) is not { } plan)
        {
            return PlanNotFound(planKey);
        }

        return NotModified(context, s) ? TypedResults.StatusCode(304) : TypedResults.Ok(plan);
    }

    private static async Task<Results<Ok<PlanTreeAnswer>, ProblemHttpResult, StatusCodeHttpResult>> Tree(HttpContext context, string planKey, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (!s.Trees.TryGetValue(planKey, out var tree))
        {
            return PlanNotFound(planKey);
        }

        return NotModified(context, s) ? TypedResults.StatusCode(304) : TypedResults.Ok(tree);
    }

    private static async Task<IResult> TreeCsv(HttpContext context, string planKey, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (!s.Nodes.ContainsKey(planKey))
        {
            return PlanNotFound(planKey);
        }

        return NotModified(context, s) ? TypedResults.StatusCode(304)
            : Csv(OpenDataCsv.Nodes(s, planKey), $"{planKey}-nodes.csv");
    }

    private static async Task<Results<Ok<ListPage<InitiativeItem>>, ProblemHttpResult, StatusCodeHttpResult>> Initiatives(HttpContext context, string planKey, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (!s.Initiatives.TryGetValue(planKey, out var list))
        {
            return PlanNotFound(planKey);
        }

        return NotModified(context, s) ? TypedResults.StatusCode(304) : TypedResults.Ok(new ListPage<InitiativeItem>(list, OpenDataSetup.License));
    }

    private static async Task<IResult> InitiativesCsv(HttpContext context, string planKey, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (!s.Initiatives.ContainsKey(planKey))
        {
            return PlanNotFound(planKey);
        }

        return NotModified(context, s) ? TypedResults.StatusCode(304)
            : Csv(OpenDataCsv.Initiatives(s, planKey), $"{planKey}-initiatives.csv");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, StatusCodeHttpResult>> Indicators(
        HttpContext context, [AsParameters] IndicatorQuery query, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        var (filter, problem) = IndicatorFilter.Read(query, context.Request.Query, s);
        if (filter is null)
        {
            return BadParameter(problem!);
        }

        if (NotModified(context, s))
        {
            return TypedResults.StatusCode(304);
        }

        // The answer to each query is kept with the snapshot (so a publication drops it with the snapshot).
        var json = s.CachedJson(context.Request.QueryString.Value ?? "", () =>
        {
            var rows = filter.Apply(s).ToList();
            var items = rows.Skip((int)Math.Min(int.MaxValue, (long)(filter.Page - 1) * filter.PageSize)).Take(filter.PageSize).ToList();
            var totalPages = (rows.Count + filter.PageSize - 1) / filter.PageSize;
            return JsonSerializer.SerializeToUtf8Bytes(
                new PagedList<IndicatorItem>(filter.Page, filter.PageSize, rows.Count, totalPages, items, OpenDataSetup.License),
                context.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions);
        });
        return TypedResults.Bytes(json, "application/json; charset=utf-8");
    }

    private static async Task<IResult> IndicatorsCsv(HttpContext context, [AsParameters] IndicatorQuery query, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        var (filter, problem) = IndicatorFilter.Read(query, context.Request.Query, s);
        if (filter is null)
        {
            return BadParameter(problem!);
        }

        return NotModified(context, s) ? TypedResults.StatusCode(304)
            : Csv(OpenDataCsv.Indicators(filter.Apply(s)), "indicators.csv");
    }

    private static async Task<IResult> ValuesCsv(HttpContext context, [AsParameters] IndicatorQuery query, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        var (filter, problem) = IndicatorFilter.Read(query, context.Request.Query, s);
        if (filter is null)
        {
            return BadParameter(problem!);
        }

        if (NotModified(context, s))
        {
            return TypedResults.StatusCode(304);
        }

        // The same filters choose the indicators; a fiscal year narrows the rows to that year.
        var ids = filter.Apply(s).Select(i => i.Id).ToHashSet();
        var rows = OpenDataCsv.ValueRows(s.Indicators.Where(e => ids.Contains(e.Detail.Id)).Select(e => e.Detail))
            .Where(r => filter.FiscalYear is null || r.Item2.FiscalYear == filter.FiscalYear?.StartYear);
        return Csv(OpenDataCsv.Values(rows), "values.csv");
    }

    private static async Task<Results<Ok<IndicatorDetail>, ProblemHttpResult, StatusCodeHttpResult>> Indicator(HttpContext context, int id, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (!s.IndicatorsById.TryGetValue(id, out var entry))
        {
            return NotFound($"成果指標 {id.ToString(CultureInfo.InvariantCulture)} は見つかりません。一覧は /api/v1/indicators にあります。");
        }

        return NotModified(context, s) ? TypedResults.StatusCode(304) : TypedResults.Ok(entry.Detail);
    }

    private static async Task<IResult> Download(HttpContext context, OpenDataStore store, CancellationToken cancellationToken)
    {
        var s = await store.GetAsync(cancellationToken);
        if (NotModified(context, s))
        {
            return TypedResults.StatusCode(304);
        }

        var zip = s.Zip ??= OpenDataCsv.Zip(s);
        return TypedResults.File(zip, "application/zip", "shinchoku-opendata.zip");
    }

    private static FileContentHttpResult Csv(byte[] content, string name) => TypedResults.File(content, CsvType, name);

    /// <summary>Sets the caching and licence headers; true when the client's copy is current (answer 304).</summary>
    internal static bool NotModified(HttpContext context, OpenDataSnapshot s)
    {
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(s.ETag);
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = OpenDataSetup.MaxAge };
        if (s.LastModified is { } lastModified)
        {
            headers.LastModified = lastModified;
        }

        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(headers.ETag, useStrongComparison: false));
        }

        return s.LastModified is { } last && request.IfModifiedSince is { } since && last.UtcDateTime.AddTicks(-(last.UtcTicks % TimeSpan.TicksPerSecond)) <= since;
    }

    private static ProblemHttpResult PlanNotFound(string planKey) =>
        NotFound($"計画「{planKey}」は見つかりません（公開されていないか、キーが違います）。一覧は /api/v1/plans にあります。");

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "見つかりません",
        Detail = detail,
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
    });

    private static ProblemHttpResult BadParameter(ParameterProblem problem) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "クエリパラメーターが正しくありません",
        Detail = problem.Detail,
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        Extensions = { ["parameter"] = problem.Parameter },
    });
}

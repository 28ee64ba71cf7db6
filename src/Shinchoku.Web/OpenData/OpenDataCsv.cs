using System.Globalization;
using System.IO.Compression;
using System.Text;
using Shinchoku.Reports.Export;
using Shinchoku.Web.Dashboard;

namespace Shinchoku.Web.OpenData;

/// <summary>
/// The open data CSV files: UTF-8 with BOM (so Excel opens them), CRLF, fields guarded against formula injection,
/// dates as YYYY-MM-DD. The columns are those of the 項目定義書 (<see cref="DataDefinitions"/>), in its order and
/// with its names; this class only says where each field's value comes from. Every file starts with the
/// 全国地方公共団体コード (自治体標準データセット): where a data set of the definitions does not list it, it is
/// added as the first column.
/// </summary>
public static class OpenDataCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private const string CodeColumn = "全国地方公共団体コード";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A row of initiatives.csv: one placement of an initiative.</summary>
    public sealed record PlacementRow(string PlanKey, string InitiativeKey, string Title, string NodeKey, bool IsPrimary);

    private static readonly Dictionary<string, Func<PlanItem, string?>> PlanFields = new(StringComparer.Ordinal)
    {
        ["organizationCode"] = p => p.OrganizationCode,
        ["organizationName"] = p => p.Organization,
        ["planKey"] = p => p.Key,
        ["name"] = p => p.Name,
        ["version"] = p => p.Version,
        ["issuedOn"] = p => p.IssuedOn,
        ["status"] = p => p.Status,
    };

    private static readonly Dictionary<string, Func<(string Plan, TreeNode Node), string?>> NodeFields = new(StringComparer.Ordinal)
    {
        ["planKey"] = r => r.Plan,
        ["nodeKey"] = r => r.Node.Key,
        ["parentKey"] = r => r.Node.ParentKey,
        ["kind"] = r => r.Node.KindName,
        ["label"] = r => r.Node.Label,
        ["title"] = r => r.Node.Title,
        ["order"] = r => Number(r.Node.Order),
    };

    private static readonly Dictionary<string, Func<PlacementRow, string?>> InitiativeFields = new(StringComparer.Ordinal)
    {
        ["planKey"] = r => r.PlanKey,
        ["initiativeKey"] = r => r.InitiativeKey,
        ["title"] = r => r.Title,
        ["nodeKey"] = r => r.NodeKey,
        ["placement"] = r => r.IsPrimary ? "主" : "再掲",
    };

    private static readonly Dictionary<string, Func<IndicatorItem, string?>> IndicatorFields = new(StringComparer.Ordinal)
    {
        ["planKey"] = r => r.PlanKey,
        ["indicatorId"] = r => Number(r.Id),
        ["initiativeKey"] = r => r.InitiativeKey,
        ["name"] = r => r.Name,
        ["departments"] = r => string.Join("、", r.Departments),
        ["unit"] = r => r.Unit,
        ["direction"] = r => r.Direction,
        ["baseline"] = r => r.Baseline.Text,
        ["baselineValue"] = r => Number(r.Baseline.Magnitude),
        ["baselineFiscalYear"] = r => Number(r.BaselineFiscalYear),
        ["interimTarget"] = r => r.InterimTarget?.Value.Text,
        ["interimTargetFiscalYear"] = r => Number(r.InterimTarget?.FiscalYear),
        ["finalTarget"] = r => r.FinalTarget?.Value.Text,
        ["finalTargetFiscalYear"] = r => Number(r.FinalTarget?.FiscalYear),
    };

    private static readonly Dictionary<string, Func<(IndicatorDetail D, YearItem Y), string?>> ValueFields = new(StringComparer.Ordinal)
    {
        ["planKey"] = r => r.D.PlanKey,
        ["indicatorId"] = r => Number(r.D.Id),
        ["fiscalYear"] = r => Number(r.Y.FiscalYear),
        ["fiscalYearLabel"] = r => r.Y.FiscalYearName,
        ["actual"] = r => r.Y.Actual.Text,
        ["actualValue"] = r => Number(r.Y.Actual.Magnitude),
        ["actualAsOf"] = r => r.Y.Actual.AsOf,
        ["projection"] = r => r.Y.Projection.Text,
        ["projectionValue"] = r => Number(r.Y.Projection.Magnitude),
        ["valueSource"] = r => r.Y.ValueSource switch { "Projection" => "見込値", "Actual" => "実績値", _ => "" },
        ["trend"] = r => r.Y.Shown.Trend,
        ["progress"] = r => Number(r.Y.Progress),
        ["rating"] = r => r.Y.Shown.Rating,
        ["notRatedReason"] = r => r.Y.NotRatedReason,
        ["interimReached"] = r => r.Y.Shown.Interim,
        ["calculation"] = r => r.Y.Calculation,
        ["overridden"] = r => r.Y.Override is null ? "false" : "true",
        ["status"] = r => r.Y.Status,
        ["challenges"] = r => r.Y.Challenges,
        ["plan"] = r => r.Y.Plan,
        ["publishedOn"] = r => r.Y.PublishedOn,
    };

    /// <summary>plans.csv.</summary>
    public static byte[] Plans(OpenDataSnapshot s) => Write(DataDefinitions.Plans, PlanFields, s.Plans, p => p.OrganizationCode);

    /// <summary>nodes.csv of one plan (or of all plans when <paramref name="planKey"/> is null), in tree order.</summary>
    public static byte[] Nodes(OpenDataSnapshot s, string? planKey) => Write(DataDefinitions.Nodes, NodeFields,
        s.Plans.Where(p => planKey is null || p.Key == planKey).SelectMany(p => s.Nodes[p.Key].Select(n => (p.Key, n))), r => Code(s, r.Item1));

    /// <summary>initiatives.csv of one plan (or of all): one row per placement, the primary one first.</summary>
    public static byte[] Initiatives(OpenDataSnapshot s, string? planKey) => Write(DataDefinitions.Initiatives, InitiativeFields,
        s.Plans.Where(p => planKey is null || p.Key == planKey).SelectMany(p => PlacementRows(s, p.Key)), r => Code(s, r.PlanKey));

    /// <summary>indicators.csv of the given rows.</summary>
    public static byte[] Indicators(OpenDataSnapshot s, IEnumerable<IndicatorItem> rows) =>
        Write(DataDefinitions.Indicators, IndicatorFields, rows, r => Code(s, r.PlanKey));

    /// <summary>values.csv: one row per indicator and published fiscal year.</summary>
    public static byte[] Values(IEnumerable<(IndicatorDetail, YearItem)> rows) =>
        Write(DataDefinitions.Values, ValueFields, rows, r => r.Item1.OrganizationCode);

    /// <summary>The rows of values.csv for the given indicators.</summary>
    public static IEnumerable<(IndicatorDetail, YearItem)> ValueRows(IEnumerable<IndicatorDetail> indicators) =>
        indicators.SelectMany(d => d.Years.Select(y => (d, y)));

    private static IEnumerable<PlacementRow> PlacementRows(OpenDataSnapshot s, string planKey)
    {
        var placements = s.Nodes[planKey].SelectMany(n => n.Initiatives.Select(i => (Node: n.Key, Placement: i))).ToLookup(x => x.Placement.InitiativeKey);
        return s.Initiatives[planKey].SelectMany(i => placements[i.Key].OrderByDescending(x => x.Placement.IsPrimary)
            .Select(x => new PlacementRow(planKey, i.Key, x.Placement.Title, x.Node, x.Placement.IsPrimary)));
    }

    private static string Code(OpenDataSnapshot s, string planKey) => s.Plans.Find(p => p.Key == planKey)?.OrganizationCode ?? "";

    /// <summary>The header of a data set's CSV, with the organisation code first.</summary>
    public static IReadOnlyList<string> Header(DataSet set) =>
        set.Fields.Any(f => f.Column == CodeColumn) ? [.. set.Fields.Select(f => f.Column)] : [CodeColumn, .. set.Fields.Select(f => f.Column)];

    private static byte[] Write<T>(DataSet set, Dictionary<string, Func<T, string?>> fields, IEnumerable<T> rows, Func<T, string> code)
    {
        var values = set.Fields.Select(f => fields.TryGetValue(f.Key, out var value) ? value
            : throw new InvalidOperationException($"The data definitions' field {set.Key}.{f.Key} ({f.Column}) has no value in the open data CSV.")).ToList();
        var addCode = !set.Fields.Any(f => f.Column == CodeColumn);
        return Write(Header(set), rows.Select(r => addCode ? values.Select(v => v(r)).Prepend(code(r)) : values.Select(v => v(r))));
    }

    /// <summary>Writes a CSV file (with BOM): a header and rows of fields.</summary>
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(ReportCsv.Field)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(ReportCsv.Field)).Append("\r\n");
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    /// <summary>The bulk download: every CSV of every public plan, the JSON of every indicator, a README and the licence.</summary>
    public static byte[] Zip(OpenDataSnapshot s)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = s.LastModified ?? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }

            Add("README.txt", Utf8WithBom.GetBytes(Readme(s)));
            Add("LICENSE.txt", Utf8WithBom.GetBytes(OpenDataSetup.LicenseText));
            Add("plans.csv", Plans(s));
            Add("nodes.csv", Nodes(s, null));
            Add("initiatives.csv", Initiatives(s, null));
            Add("indicators.csv", Indicators(s, s.Indicators.Select(e => e.Latest)));
            Add("values.csv", Values(ValueRows(s.Indicators.Select(e => e.Detail))));
        }

        return buffer.ToArray();
    }

    private static string Readme(OpenDataSnapshot s)
    {
        var text = new StringBuilder();
        text.Append("Shinchoku オープンデータ（一括ダウンロード）\r\n\r\n");
        text.Append("公表済みの進捗状況のみを収録しています。入力中・確認中の値は含みません。\r\n");
        text.Append(CultureInfo.InvariantCulture, $"データ版: {s.Version}\r\n");
        if (s.LastModified is { } at)
        {
            text.Append(CultureInfo.InvariantCulture, $"最終公表日: {OpenDataStore.Date(at)}\r\n");
        }

        text.Append("\r\nファイル（UTF-8 BOM付き CSV、日付は YYYY-MM-DD、年度は開始年の西暦）。項目定義書は /data/definitions にもあります:\r\n");
        foreach (var set in DataDefinitions.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"\r\n{set.Key}.csv: {set.Name}。{set.Description}\r\n");
            if (!set.Fields.Any(f => f.Column == CodeColumn))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {CodeColumn}: 戦略を策定した地方公共団体のコード（6桁） [文字列（数字6桁）]\r\n");
            }

            foreach (var f in set.Fields)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {f.Column}: {f.Meaning} [{f.Format}]\r\n");
            }
        }

        text.Append("\r\n").Append(OpenDataSetup.LicenseText);
        return text.ToString();
    }
}

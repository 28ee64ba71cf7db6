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
/// 全国地方公共団体コード (自治体標準データセット), as every data set of the definitions does.
/// </summary>
public static class OpenDataCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A row of initiatives.csv: one placement of an initiative.</summary>
    public sealed record PlacementRow(InitiativeItem Initiative, string Title, string NodeKey, bool IsPrimary);

    private static string Words(IEnumerable<string> values) => string.Join("、", values);

    // Where each CSV column's value comes from, by the column names of the data definitions.
    private static readonly Dictionary<string, Func<PlanItem, string?>> PlanFields = new(StringComparer.Ordinal)
    {
        ["全国地方公共団体コード"] = p => p.OrganizationCode,
        ["地方公共団体名"] = p => p.Organization,
        ["戦略ID"] = p => p.Key,
        ["戦略名"] = p => p.Name,
        ["版"] = p => p.Version,
        ["策定時期"] = p => p.Issued,
        ["策定年月日"] = p => p.IssuedOn,
        ["状態"] = p => p.Status,
        ["目的"] = p => p.Purpose,
        ["項目数"] = p => Number(p.NodeCount),
        ["取組数"] = p => Number(p.InitiativeCount),
        ["成果指標数"] = p => Number(p.IndicatorCount),
    };

    private static readonly Dictionary<string, Func<(PlanTreeAnswer Tree, TreeNode Node), string?>> NodeFields = new(StringComparer.Ordinal)
    {
        ["全国地方公共団体コード"] = r => r.Tree.OrganizationCode,
        ["戦略ID"] = r => r.Tree.PlanKey,
        ["項目ID"] = r => r.Node.Key,
        ["上位項目ID"] = r => r.Node.ParentKey,
        ["項目の種類"] = r => r.Node.KindName,
        ["項目の種類（英字）"] = r => r.Node.Kind,
        ["番号"] = r => r.Node.Label,
        ["項目名"] = r => r.Node.Title,
        ["説明"] = r => r.Node.Body,
        ["表示順"] = r => Number(r.Node.Order),
    };

    private static readonly Dictionary<string, Func<PlacementRow, string?>> InitiativeFields = new(StringComparer.Ordinal)
    {
        ["全国地方公共団体コード"] = r => r.Initiative.OrganizationCode,
        ["戦略ID"] = r => r.Initiative.PlanKey,
        ["取組ID"] = r => r.Initiative.Key,
        ["取組名"] = r => r.Title,
        ["説明"] = r => r.Initiative.Body,
        ["項目ID"] = r => r.NodeKey,
        ["掲載区分"] = r => r.IsPrimary ? "主" : "再掲",
    };

    private static readonly Dictionary<string, Func<IndicatorItem, string?>> IndicatorFields = new(StringComparer.Ordinal)
    {
        ["全国地方公共団体コード"] = r => r.OrganizationCode,
        ["戦略ID"] = r => r.PlanKey,
        ["指標ID"] = r => Number(r.Id),
        ["取組ID"] = r => r.InitiativeKey,
        ["取組名"] = r => r.InitiativeTitle,
        ["掲載項目ID"] = r => Words(r.NodeKeys),
        ["指標名"] = r => r.Name,
        ["所管課"] = r => Words(r.Departments),
        ["単位"] = r => r.Unit,
        ["目標の方向"] = r => r.Direction,
        ["基準値"] = r => r.Baseline.Text,
        ["基準値の数値"] = r => Number(r.Baseline.Magnitude),
        ["基準年度"] = r => Number(r.BaselineFiscalYear),
        ["中間目標"] = r => r.InterimTarget?.Value.Text,
        ["中間目標年度"] = r => Number(r.InterimTarget?.FiscalYear),
        ["最終目標"] = r => r.FinalTarget?.Value.Text,
        ["最終目標年度"] = r => Number(r.FinalTarget?.FiscalYear),
        ["評価の年度"] = r => Number(r.FiscalYear),
        ["評価の年度（和暦）"] = r => r.FiscalYearName,
        ["評価に用いた値"] = r => r.Value,
        ["進捗率"] = r => Number(r.Progress),
        ["進捗"] = r => r.Trend,
        ["評価"] = r => r.Rating,
        ["評価できない理由"] = r => r.NotRatedReason,
    };

    private static readonly Dictionary<string, Func<(IndicatorDetail D, YearItem Y), string?>> ValueFields = new(StringComparer.Ordinal)
    {
        ["全国地方公共団体コード"] = r => r.D.OrganizationCode,
        ["戦略ID"] = r => r.D.PlanKey,
        ["指標ID"] = r => Number(r.D.Id),
        ["年度"] = r => Number(r.Y.FiscalYear),
        ["年度（和暦）"] = r => r.Y.FiscalYearName,
        ["実績値"] = r => r.Y.Actual.Text,
        ["実績値の数値"] = r => Number(r.Y.Actual.Magnitude),
        ["実績値の時点"] = r => r.Y.Actual.AsOf,
        ["見込値"] = r => r.Y.Projection.Text,
        ["見込値の数値"] = r => Number(r.Y.Projection.Magnitude),
        ["見込値の算出根拠"] = r => r.Y.ProjectionBasis,
        ["評価に用いた値の種類"] = r => r.Y.ValueSource,
        ["進捗"] = r => r.Y.Shown.Trend,
        ["進捗率"] = r => Number(r.Y.Progress),
        ["評価"] = r => r.Y.Shown.Rating,
        ["評価できない理由"] = r => r.Y.NotRatedReason,
        ["中間目標の達成"] = r => r.Y.Shown.Interim,
        ["算出した進捗"] = r => r.Y.Computed.Trend,
        ["算出した評価"] = r => r.Y.Computed.Rating,
        ["計算"] = r => r.Y.Calculation,
        ["評価の変更理由"] = r => r.Y.Override?.Reason,
        ["取組状況"] = r => r.Y.Status,
        ["中間目標が未達成となった理由"] = r => r.Y.MissedReason,
        ["状況改善のための対策"] = r => r.Y.Countermeasure,
        ["課題"] = r => r.Y.Challenges,
        ["今後の取組方針・対策"] = r => r.Y.Plan,
        ["公表日"] = r => r.Y.PublishedOn,
        ["訂正日"] = r => r.Y.CorrectedOn,
        ["訂正の理由"] = r => r.Y.CorrectionReason,
    };

    /// <summary>plans.csv.</summary>
    public static byte[] Plans(OpenDataSnapshot s) => Write(DataDefinitions.Plans, PlanFields, s.Plans);

    /// <summary>nodes.csv of one plan (or of all plans when <paramref name="planKey"/> is null), in tree order.</summary>
    public static byte[] Nodes(OpenDataSnapshot s, string? planKey) => Write(DataDefinitions.Nodes, NodeFields,
        s.Plans.Where(p => planKey is null || p.Key == planKey).SelectMany(p => s.Nodes[p.Key].Select(n => (s.Trees[p.Key], n))));

    /// <summary>initiatives.csv of one plan (or of all): one row per placement, the primary one first.</summary>
    public static byte[] Initiatives(OpenDataSnapshot s, string? planKey) => Write(DataDefinitions.Initiatives, InitiativeFields,
        s.Plans.Where(p => planKey is null || p.Key == planKey).SelectMany(p => PlacementRows(s, p.Key)));

    /// <summary>indicators.csv of the given rows.</summary>
    public static byte[] Indicators(IEnumerable<IndicatorItem> rows) => Write(DataDefinitions.Indicators, IndicatorFields, rows);

    /// <summary>values.csv: one row per indicator and published fiscal year.</summary>
    public static byte[] Values(IEnumerable<(IndicatorDetail, YearItem)> rows) => Write(DataDefinitions.Values, ValueFields, rows);

    /// <summary>The rows of values.csv for the given indicators.</summary>
    public static IEnumerable<(IndicatorDetail, YearItem)> ValueRows(IEnumerable<IndicatorDetail> indicators) =>
        indicators.SelectMany(d => d.Years.Select(y => (d, y)));

    private static IEnumerable<PlacementRow> PlacementRows(OpenDataSnapshot s, string planKey)
    {
        var placements = s.Nodes[planKey].SelectMany(n => n.Initiatives.Select(i => (Node: n.Key, Placement: i))).ToLookup(x => x.Placement.InitiativeKey);
        return s.Initiatives[planKey].SelectMany(i => placements[i.Key].OrderByDescending(x => x.Placement.IsPrimary)
            .Select(x => new PlacementRow(i, x.Placement.Title, x.Node, x.Placement.IsPrimary)));
    }

    private static byte[] Write<T>(DataSet set, Dictionary<string, Func<T, string?>> fields, IEnumerable<T> rows)
    {
        var values = set.Columns.Select(c => fields.TryGetValue(c, out var value) ? value
            : throw new InvalidOperationException($"The data definitions' column {set.Key}.{c} has no value in the open data CSV.")).ToList();
        return Write(set.Columns, rows.Select(r => values.Select(v => v(r))));
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
            Add("indicators.csv", Indicators(s.Indicators.Select(e => e.Latest)));
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
            foreach (var f in set.Fields.Where(f => f.Column is not null))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {f.Column}: {f.Meaning} [{f.Format}]\r\n");
            }
        }

        text.Append("\r\n").Append(OpenDataSetup.LicenseText);
        return text.ToString();
    }
}

using Shinchoku.Web.Shared;

namespace Shinchoku.Web.OpenData;

/// <summary>One field of the published data: its CSV column and JSON field (as on the 項目定義書 page), meaning and format.</summary>
/// <param name="Column">The Japanese column name in the CSV header, or null for a field only the JSON has (a list of objects).</param>
/// <param name="Json">
/// Where the field is in one JSON item of the list: a property name, a dotted path into an object
/// (<c>baseline.text</c>), or a name after "/" for a property of the answer that holds the list
/// (<c>/planKey</c>); null for a column only the CSV has.
/// </param>
/// <param name="Meaning">What the field holds, in Japanese.</param>
/// <param name="Format">Its type, unit or format (YYYY-MM-DD for dates, 全国地方公共団体コード for organisations).</param>
/// <param name="Example">An example value.</param>
public sealed record DataField(string? Column, string? Json, string Meaning, string Format, string Example);

/// <summary>A list of the open data (one CSV file, one JSON list) and its fields, in column order.</summary>
/// <param name="Name">The Japanese name of the list.</param>
/// <param name="Key">The list's identifier (the CSV file's base name, e.g. indicators.csv).</param>
/// <param name="Description">What one row is.</param>
/// <param name="JsonList">The API answer whose items the JSON fields describe.</param>
/// <param name="Fields">The fields, in CSV column order (JSON-only fields last).</param>
public sealed record DataSet(string Name, string Key, string Description, string JsonList, IReadOnlyList<DataField> Fields)
{
    /// <summary>The CSV header: the columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; } = [.. Fields.Where(f => f.Column is not null).Select(f => f.Column!)];
}

/// <summary>
/// The 項目定義書 (data definitions) of the public data, in one place: the data-definitions page shows it, the CSV
/// files take their columns from it, and a test checks that every CSV column and every JSON field of each list is
/// defined here, so the page and the files cannot drift apart. Dates are YYYY-MM-DD; fiscal years are the starting
/// calendar year (2020 = 令和2年度); every list starts with the 全国地方公共団体コード (6 digits with check digit),
/// following 自治体標準データセット conventions.
/// </summary>
public static class DataDefinitions
{
    private const string ArrayOnlyInJson = "配列（JSON のみ）";

    private static DataField OrganizationCode(string json) => new("全国地方公共団体コード", json, "戦略を策定した地方公共団体のコード（6桁、検査数字を含む）", "文字列（数字6桁）", "120006");

    private static DataField PlanKey(string json) => new("戦略ID", json, "戦略・計画（の版）を一意に示す識別子。URL にも使います", "文字列（英数字・記号）", "chiba-ict");

    public static DataSet Plans { get; } = new("戦略・計画", "plans", "1行が1つの戦略・計画（の版）です。", "GET /api/v1/plans の items",
    [
        OrganizationCode("organizationCode"),
        new("地方公共団体名", "organization", "戦略を策定した地方公共団体の名称", "文字列", "千葉県"),
        PlanKey("key"),
        new("戦略名", "name", "戦略・計画の名称", "文字列", "千葉県ICT戦略（前戦略）"),
        new("版", "version", "戦略の版（成長する戦略として毎年度改訂されます）", "文字列", "1.1"),
        new("策定時期", "issued", "資料に記載された策定・改訂の時期", "文字列", "令和4年3月"),
        new("策定年月日", "issuedOn", "戦略が策定・改訂された日", "日付（YYYY-MM-DD）", "2022-03-01"),
        new("状態", "status", "現行（current）・改訂前（superseded）", "文字列（current / superseded）", "current"),
        new("目的", "purpose", "戦略の目的・位置付け", "文字列", ""),
        new("項目数", "nodeCount", "戦略の体系の項目の数", "整数", "51"),
        new("取組数", "initiativeCount", "取組の数", "整数", "40"),
        new("成果指標数", "indicatorCount", "成果指標の数", "整数", "42"),
        new(null, "publishedReports", "公表済みの進捗状況の報告。1件ごとに年度（fiscalYear）・和暦（fiscalYearName）・表題（title）・公表日（publishedOn）", ArrayOnlyInJson, ""),
    ]);

    public static DataSet Nodes { get; } = new("戦略の体系", "nodes", "1行が体系の1項目（目指す姿・ねらい・大項目・中項目・土台づくり など）です。",
        "GET /api/v1/plans/{戦略ID}/tree の roots（下位の項目は children に入れ子）",
    [
        OrganizationCode("/organizationCode"),
        PlanKey("/planKey"),
        new("項目ID", "key", "戦略の中で項目を一意に示す識別子", "文字列", "n002"),
        new("上位項目ID", "parentKey", "1つ上の項目の項目ID（最上位は空）", "文字列", "n001"),
        new("項目の種類", "kindName", "目指す姿・ねらい・大項目・中項目・小項目・土台づくり など", "文字列", "中項目"),
        new("項目の種類（英字）", "kind", "項目の種類の英字の名前（Vision・Aim・Area・Field・Subsection・Pillar など）", "文字列", "Field"),
        new("番号", "label", "資料に印字された番号（ア、（ア）、① など）", "文字列", "①"),
        new("項目名", "title", "項目の名称", "文字列", "危機管理"),
        new("説明", "body", "項目の説明文", "文字列", ""),
        new("表示順", "order", "同じ上位項目の中での順番", "整数", "1"),
        new(null, "initiatives", "この項目に掲載する取組。1件ごとに取組ID（initiativeKey）・取組名（title）・主たる掲載か（isPrimary、false は再掲）", ArrayOnlyInJson, ""),
        new(null, "children", "下位の項目（同じ形）", ArrayOnlyInJson, ""),
    ]);

    public static DataSet Initiatives { get; } = new("取組", "initiatives", "CSV は1行が1つの取組の1つの掲載箇所です（【再掲】は掲載区分が「再掲」の行）。JSON は1件が1つの取組です。",
        "GET /api/v1/plans/{戦略ID}/initiatives の items",
    [
        OrganizationCode("organizationCode"),
        PlanKey("planKey"),
        new("取組ID", "key", "戦略の中で取組を一意に示す識別子", "文字列", "i001"),
        new("取組名", "title", "取組の名称（CSV は、掲載箇所で名称が異なる場合その名称）", "文字列", "防災情報の発信"),
        new("説明", "body", "取組の説明文", "文字列", ""),
        new("項目ID", null, "この行の掲載箇所の項目ID（JSON では nodeKeys）", "文字列", "n002"),
        new("掲載区分", null, "主たる掲載箇所（主）か、ほかの分野にも掲載したもの（再掲）か（JSON では nodeKeys の先頭が主）", "文字列（主 / 再掲）", "主"),
        new(null, "nodeKeys", "取組を掲載している項目の項目ID（主たる掲載箇所が先頭）", ArrayOnlyInJson, "[\"n002\", \"n010\"]"),
        new(null, "indicatorIds", "取組の成果指標の指標ID", ArrayOnlyInJson, "[12, 13]"),
    ]);

    public static DataSet Indicators { get; } = new("成果指標", "indicators", "1行が1つの成果指標（KPI）と、1つの公表年度（最新、または年度を指定した場合その年度）の評価です。",
        "GET /api/v1/indicators の items",
    [
        OrganizationCode("organizationCode"),
        PlanKey("planKey"),
        new("指標ID", "id", "成果指標を一意に示す番号（変わりません）", "整数", "12"),
        new("取組ID", "initiativeKey", "成果指標が属する取組の取組ID", "文字列", "i001"),
        new("取組名", "initiativeTitle", "成果指標が属する取組の名称", "文字列", "防災情報の発信"),
        new("掲載項目ID", "nodeKeys", "取組を掲載している項目の項目ID（主たる掲載箇所が先頭。CSV は「、」区切り、JSON は配列）", "文字列", "n002、n010"),
        new("指標名", "name", "成果指標の名称", "文字列", "年間用紙使用量"),
        new("所管課", "departments", "実績値を報告する所管課（CSV は「、」区切り、JSON は配列）", "文字列", "総務課"),
        new("単位", "unit", "値の単位（記載がある場合）", "文字列", "千枚"),
        new("目標の方向", "direction", "増加・減少・維持・状態の達成 のいずれか。未設定は目標値から判定", "文字列", "減少"),
        new("基準値", "baseline.text", "基準値の記載（職員が書いたとおり）", "文字列", "405,823千枚"),
        new("基準値の数値", "baseline.magnitude", "基準値から読み取った数値（読み取れない場合は空）", "数値", "405823"),
        new("基準年度", "baselineFiscalYear", "基準値の年度（年度の始まる西暦年）", "整数（西暦年）", "2019"),
        new("中間目標", "interimTarget.value.text", "中間目標の記載", "文字列", "365,241千枚"),
        new("中間目標年度", "interimTarget.fiscalYear", "中間目標の年度", "整数（西暦年）", "2021"),
        new("最終目標", "finalTarget.value.text", "最終目標の記載", "文字列", "324,658千枚"),
        new("最終目標年度", "finalTarget.fiscalYear", "最終目標の年度", "整数（西暦年）", "2023"),
        new("評価の年度", "fiscalYear", "評価を示した年度（年度の始まる西暦年。報告がなければ空）", "整数（西暦年）", "2020"),
        new("評価の年度（和暦）", "fiscalYearName", "評価を示した年度の和暦表記", "文字列", "令和2年度"),
        new("評価に用いた値", "value", "評価に用いた値（見込値、なければ実績値）の記載", "文字列", "425,072千枚"),
        new("進捗率", "progress", "（評価に用いた値 − 基準値）÷（目標値 − 基準値）", "数値（1 = 100%）", "-0.2372"),
        new("進捗", "trend", "基準値からの動き: ↗ 改善、→ 変化なし、↘ 悪化（括弧付きは実績値による）", "記号", "(↘)"),
        new("評価", "rating", "◎ 100%以上、○ 50%以上進捗、△ 50%未満進捗、ー 進捗に増減なし、× 減少", "記号", "×"),
        new("評価できない理由", "notRatedReason", "評価がない場合の理由", "文字列", ""),
    ]);

    public static DataSet Values { get; } = new("年度ごとの実績と評価", "values", "1行が1つの成果指標の1年度分の報告です（公表された年度のみ）。",
        "GET /api/v1/indicators/{指標ID} の years",
    [
        OrganizationCode("/organizationCode"),
        PlanKey("/planKey"),
        new("指標ID", "/id", "成果指標の指標ID", "整数", "12"),
        new("年度", "fiscalYear", "報告の対象年度（年度の始まる西暦年。2020 = 令和2年度）", "整数（西暦年）", "2020"),
        new("年度（和暦）", "fiscalYearName", "報告の対象年度の和暦表記", "文字列", "令和2年度"),
        new("実績値", "actual.text", "実績値の記載（時点の注記を含む、職員が書いたとおり）", "文字列", "425,072千枚（令和2年12月末現在）"),
        new("実績値の数値", "actual.magnitude", "実績値から読み取った数値", "数値", "425072"),
        new("実績値の時点", "actual.asOf", "実績値がいつ時点のものか", "日付（YYYY-MM-DD）", "2020-12-31"),
        new("見込値", "projection.text", "年度末の見込値の記載", "文字列", "－"),
        new("見込値の数値", "projection.magnitude", "見込値から読み取った数値", "数値", ""),
        new("見込値の算出根拠", "projectionBasis", "年度末の見込値をどう算出したか", "文字列", ""),
        new("評価に用いた値の種類", "valueSource", "進捗の評価に用いた値（見込値・実績値）。実績値のときは矢印を括弧付きで示します", "文字列（見込値 / 実績値）", "実績値"),
        new("進捗", "shown.trend", "基準値からの動き（目標の方向に対して）: ↗ 改善、→ 変化なし、↘ 悪化", "記号（↗ → ↘、括弧付きは実績値による）", "(↘)"),
        new("進捗率", "progress", "（評価に用いた値 − 基準値）÷（目標値 − 基準値）", "数値（1 = 100%）", "-0.2372"),
        new("評価", "shown.rating", "◎ 100%以上、○ 50%以上進捗、△ 50%未満進捗、ー 進捗に増減なし、× 減少。評価できない場合は空で、理由を示します", "記号", "×"),
        new("評価できない理由", "notRatedReason", "評価がない場合の理由", "文字列", ""),
        new("中間目標の達成", "shown.interim", "中間目標に到達したか（○ 到達、× 未到達）", "記号（○ / ×）", ""),
        new("算出した進捗", "computed.trend", "規則どおりに算出した進捗（担当者が評価を変更した場合も変更前の値）", "記号", "(↘)"),
        new("算出した評価", "computed.rating", "規則どおりに算出した評価", "記号", "×"),
        new("計算", "calculation", "評価の計算を言葉で示したもの", "文字列", "(425,072 − 405,823) ÷ (324,658 − 405,823) = −24% → ×"),
        new("評価の変更理由", "override.reason", "担当者が評価を変更した場合の理由（変更がなければ空）。JSON の override は変更日（on）と変更後の記号（marks）も持ちます", "文字列", ""),
        new("取組状況", "status", "所管課が報告した取組状況", "文字列", ""),
        new("中間目標が未達成となった理由", "missedReason", "中間目標が未達成（未達成見込）の場合の理由", "文字列", ""),
        new("状況改善のための対策", "countermeasure", "状況改善のために検討している対策", "文字列", ""),
        new("課題", "challenges", "取組を行っている上での課題", "文字列", ""),
        new("今後の取組方針・対策", "plan", "今後の取組方針・対策", "文字列", ""),
        new("公表日", "publishedOn", "この年度の進捗状況が公表された日", "日付（YYYY-MM-DD）", "2021-03-25"),
        new("訂正日", "correctedOn", "公表後に値を訂正した日（訂正がなければ空）", "日付（YYYY-MM-DD）", ""),
        new("訂正の理由", "correctionReason", "公表後に訂正した理由（訂正がなければ空）", "文字列", ""),
    ]);

    /// <summary>Every list of the open data, in the order the page shows them.</summary>
    public static IReadOnlyList<DataSet> All { get; } = [Plans, Nodes, Initiatives, Indicators, Values];

    /// <summary>The licence of all published data.</summary>
    public const string Licence = "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）";

    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/deed.ja";
}

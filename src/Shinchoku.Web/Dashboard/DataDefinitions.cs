namespace Shinchoku.Web.Dashboard;

/// <summary>One field of the published data: its column name (as in the CSV and on the 項目定義書 page), meaning and format.</summary>
/// <param name="Column">The Japanese column name used in every CSV header and on the data-definitions page.</param>
/// <param name="Key">The identifier used in JSON (camelCase, stable).</param>
/// <param name="Meaning">What the field holds, in Japanese.</param>
/// <param name="Format">Its type, unit or format (YYYY-MM-DD for dates, 全国地方公共団体コード for organisations).</param>
/// <param name="Example">An example value.</param>
public sealed record DataField(string Column, string Key, string Meaning, string Format, string Example);

/// <summary>A list of the open data (one CSV file, one JSON list) and its fields, in column order.</summary>
/// <param name="Name">The Japanese name of the list.</param>
/// <param name="Key">The list's identifier (the CSV file's base name, e.g. indicators.csv).</param>
/// <param name="Description">What one row is.</param>
/// <param name="Fields">The columns, in order.</param>
public sealed record DataSet(string Name, string Key, string Description, IReadOnlyList<DataField> Fields);

/// <summary>
/// The 項目定義書 (data definitions) of the public data, in one place: the data-definitions page shows it and the
/// open-data CSV and JSON use the same column names and keys, so the page and the files cannot drift apart.
/// Dates are YYYY-MM-DD; fiscal years are the starting calendar year (2020 = 令和2年度); organisations carry
/// their 全国地方公共団体コード (6 digits with check digit), following 自治体標準データセット conventions.
/// </summary>
public static class DataDefinitions
{
    private static readonly DataField OrganizationCode = new("全国地方公共団体コード", "organizationCode", "戦略を策定した地方公共団体のコード（6桁、検査数字を含む）", "文字列（数字6桁）", "120006");
    private static readonly DataField OrganizationName = new("地方公共団体名", "organizationName", "戦略を策定した地方公共団体の名称", "文字列", "千葉県");
    private static readonly DataField PlanKey = new("戦略ID", "planKey", "戦略・計画（の版）を一意に示す識別子。URL にも使います", "文字列（英数字・記号）", "chiba-ict");

    public static DataSet Plans { get; } = new("戦略・計画", "plans", "1行が1つの戦略・計画（の版）です。",
    [
        OrganizationCode, OrganizationName, PlanKey,
        new("戦略名", "name", "戦略・計画の名称", "文字列", "千葉県ICT戦略（前戦略）"),
        new("版", "version", "戦略の版（成長する戦略として毎年度改訂されます）", "文字列", "1.1"),
        new("策定年月日", "issuedOn", "戦略が策定・改訂された日", "日付（YYYY-MM-DD）", "2022-03-01"),
        new("状態", "status", "現行（current）・改訂前（superseded）", "文字列（current / superseded）", "current"),
    ]);

    public static DataSet Nodes { get; } = new("戦略の体系", "nodes", "1行が体系の1項目（目指す姿・ねらい・大項目・中項目・土台づくり など）です。",
    [
        PlanKey,
        new("項目ID", "nodeKey", "戦略の中で項目を一意に示す識別子", "文字列", "n002"),
        new("上位項目ID", "parentKey", "1つ上の項目の項目ID（最上位は空）", "文字列", "n001"),
        new("項目の種類", "kind", "目指す姿・ねらい・大項目・中項目・小項目・土台づくり など", "文字列", "中項目"),
        new("番号", "label", "資料に印字された番号（ア、（ア）、① など）", "文字列", "①"),
        new("項目名", "title", "項目の名称", "文字列", "危機管理"),
        new("表示順", "order", "同じ上位項目の中での順番", "整数", "1"),
    ]);

    public static DataSet Initiatives { get; } = new("取組", "initiatives", "1行が1つの取組の1つの掲載箇所です（【再掲】は掲載区分が「再掲」の行）。",
    [
        PlanKey,
        new("取組ID", "initiativeKey", "戦略の中で取組を一意に示す識別子", "文字列", "i001"),
        new("取組名", "title", "取組の名称", "文字列", "防災情報の発信"),
        new("項目ID", "nodeKey", "取組を掲載している項目の項目ID", "文字列", "n002"),
        new("掲載区分", "placement", "主たる掲載箇所（主）か、ほかの分野にも掲載したもの（再掲）か", "文字列（主 / 再掲）", "主"),
    ]);

    public static DataSet Indicators { get; } = new("成果指標", "indicators", "1行が1つの成果指標（KPI）です。",
    [
        PlanKey,
        new("指標ID", "indicatorId", "成果指標を一意に示す番号（変わりません）", "整数", "12"),
        new("取組ID", "initiativeKey", "成果指標が属する取組の取組ID", "文字列", "i001"),
        new("指標名", "name", "成果指標の名称", "文字列", "年間用紙使用量"),
        new("所管課", "departments", "実績値を報告する所管課（複数のときは「、」区切り）", "文字列", "総務課"),
        new("単位", "unit", "値の単位（記載がある場合）", "文字列", "千枚"),
        new("目標の方向", "direction", "増加・減少・維持・状態の達成 のいずれか。未設定は目標値から判定", "文字列", "減少"),
        new("基準値", "baseline", "基準値の記載（職員が書いたとおり）", "文字列", "405,823千枚"),
        new("基準値の数値", "baselineValue", "基準値から読み取った数値（読み取れない場合は空）", "数値", "405823"),
        new("基準年度", "baselineFiscalYear", "基準値の年度（年度の始まる西暦年）", "整数（西暦年）", "2019"),
        new("中間目標", "interimTarget", "中間目標の記載", "文字列", "365,241千枚"),
        new("中間目標年度", "interimTargetFiscalYear", "中間目標の年度", "整数（西暦年）", "2021"),
        new("最終目標", "finalTarget", "最終目標の記載", "文字列", "324,658千枚"),
        new("最終目標年度", "finalTargetFiscalYear", "最終目標の年度", "整数（西暦年）", "2023"),
    ]);

    public static DataSet Values { get; } = new("年度ごとの実績と評価", "values", "1行が1つの成果指標の1年度分の報告です（公表された年度のみ）。",
    [
        PlanKey,
        new("指標ID", "indicatorId", "成果指標の指標ID", "整数", "12"),
        new("年度", "fiscalYear", "報告の対象年度（年度の始まる西暦年。2020 = 令和2年度）", "整数（西暦年）", "2020"),
        new("年度（和暦）", "fiscalYearLabel", "報告の対象年度の和暦表記", "文字列", "令和2年度"),
        new("実績値", "actual", "実績値の記載（時点の注記を含む、職員が書いたとおり）", "文字列", "425,072千枚（令和2年12月末現在）"),
        new("実績値の数値", "actualValue", "実績値から読み取った数値", "数値", "425072"),
        new("実績値の時点", "actualAsOf", "実績値がいつ時点のものか", "日付（YYYY-MM-DD）", "2020-12-31"),
        new("見込値", "projection", "年度末の見込値の記載", "文字列", "－"),
        new("見込値の数値", "projectionValue", "見込値から読み取った数値", "数値", ""),
        new("評価に用いた値", "valueSource", "進捗の評価に用いた値（見込値・実績値）。実績値のときは矢印を括弧付きで示します", "文字列（見込値 / 実績値）", "実績値"),
        new("進捗", "trend", "基準値からの動き（目標の方向に対して）: ↗ 改善、→ 変化なし、↘ 悪化", "記号（↗ → ↘、括弧付きは実績値による）", "(↘)"),
        new("進捗率", "progress", "（評価に用いた値 − 基準値）÷（目標値 − 基準値）", "数値（1 = 100%）", "-0.23"),
        new("評価", "rating", "◎ 100%以上、○ 50%以上進捗、△ 50%未満進捗、ー 進捗に増減なし、× 減少。評価できない場合は 不明・進捗管理の停止 など", "記号", "×"),
        new("評価できない理由", "notRatedReason", "評価がない場合の理由", "文字列", ""),
        new("中間目標の達成", "interimReached", "中間目標に到達したか（○ 到達、× 未到達）", "記号（○ / ×）", ""),
        new("計算", "calculation", "評価の計算を言葉で示したもの", "文字列", "(425,072 − 405,823) ÷ (324,658 − 405,823) = −24% → ×"),
        new("評価の変更", "overridden", "担当者が理由を記録して評価を変更したか", "真偽値（true / false）", "false"),
        new("取組状況", "status", "所管課が報告した取組状況", "文字列", ""),
        new("課題", "challenges", "取組を行っている上での課題", "文字列", ""),
        new("今後の取組方針・対策", "plan", "今後の取組方針・対策", "文字列", ""),
        new("公表日", "publishedOn", "この年度の進捗状況が公表された日", "日付（YYYY-MM-DD）", "2021-03-25"),
    ]);

    /// <summary>Every list of the open data, in the order the page shows them.</summary>
    public static IReadOnlyList<DataSet> All { get; } = [Plans, Nodes, Initiatives, Indicators, Values];

    /// <summary>The licence of all published data.</summary>
    public const string Licence = "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）";

    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/deed.ja";
}

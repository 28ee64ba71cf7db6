namespace Shinchoku.Reports.Tests.Support;

/// <summary>
/// Sheets in the layout of 資料4-3 (推進を支える土台づくり), of our own making: no 取組名, the KPIs under the 小項目, or
/// the 中項目 (a pillar of the strategy) where there is none.
/// </summary>
public static class Table43Sheets
{
    public const string Foundation = "推進を支える土台づくり";
    public const string Pillar1 = "① 意識の醸成・人材育成";
    public const string Pillar2 = "② 共創の機会の創出";
    public const string Pillar3 = "③ デジタル技術の活用の環境整備";

    public static readonly string[] Header =
    [
        "大項目", "中項目", "小項目", "成果指標", "基準値\n（令和元年度）", "令和2年度\n実績値", "令和2年度末\n見込値", "見込値の算出根拠",
        "最終目標\n（令和3年度）", "令和2年度の取組状況", "基準値に対する\n令和2年度の見込値\n（実績値）", "進捗率",
    ];

    /// <summary>A 4-3 sheet: pillar ① with two 小項目, pillar ② without 小項目 (KPIs under the 中項目), pillar ③ with one.</summary>
    public static GridSheet Sheet(bool blankInitiativeColumn = false, bool merged = true)
    {
        var sheet = new GridSheet("資料4-3");
        string?[] Row(params string?[] cells) => blankInitiativeColumn ? [.. cells[..3], "", .. cells[3..]] : cells;
        sheet.Add("資料４－３　推進を支える土台づくり");
        sheet.Add(blankInitiativeColumn ? [.. Header[..3], "取組名", .. Header[3..]] : Header);
        sheet.Add(Row(Foundation, Pillar1, "DXに係る県民参加型イベントの実施", "イベント参加者数", "120人", "300人", "350人", "申込数から推計", "500人", "オンラインで開催した。", "↗", "○"));
        sheet.Add(Row(merged ? null : Foundation, merged ? null : Pillar1, "基本的な知識やスキルの向上促進", "講座の受講者数", "1,000人", "1,200人", "1,300人", "前年の実績から", "2,000人", "講座を開いた。", "↗", "△"));
        sheet.Add(Row(merged ? null : Foundation, merged ? null : Pillar1, merged ? null : "基本的な知識やスキルの向上促進", "講座の修了率", "50%", "55%", "60%", "受講者の修了状況", "80%", "修了を促した。", "↗", "△"));
        sheet.Add(Row(merged ? null : Foundation, Pillar2, null, "連携協定の締結数", "3件", "5件", "6件", "協議中の件数を含む", "10件", "協定を結んだ。", "↗", "△"));
        sheet.Add(Row(merged ? null : Foundation, merged ? null : Pillar2, null, "マッチングの件数", "10件", "10件", "10件", "－", "20件", "説明会を開いた。", "→", "ー"));
        sheet.Add(Row(merged ? null : Foundation, Pillar3, "情報セキュリティ対策の着実な実施", "研修の受講率", "90%", "95%", "100%", "全職員が受講予定", "100%", "研修を行った。", "↗", "◎"));
        if (merged)
        {
            // The group columns come first, so a blank 取組名 column (inserted after them) moves no merge.
            sheet.Merges.AddRange(["A3:A8", "B3:B5", "C4:C5", "B6:B7"]);
        }

        return sheet;
    }

}

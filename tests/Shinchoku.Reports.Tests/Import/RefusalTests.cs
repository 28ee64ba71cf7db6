using System.Text;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Tests.Support;

namespace Shinchoku.Reports.Tests.Import;

/// <summary>Files that are refused as a whole, each with its Japanese message naming the file.</summary>
public class RefusalTests
{
    public static TheoryData<string, string> Corpus => new()
    {
        { "truncated", "途中までしか保存されていない" },
        { "zip-bomb", "圧縮爆弾" },
        { "many-entries", "部品（zip の項目）が 5,000 個" },
        { "xlsm-by-name", "マクロを含むブックの形式（.xlsm）" },
        { "macro-in-xlsx", "マクロ（VBA など）を含むブック" },
        { "png-named-xlsx", "中身はPNG 画像です" },
        { "xls-named-xlsx", "Excel 97-2003 形式（.xls）のブックか、パスワードで保護されたブック" },
        { "old-xls", "Excel 97-2003 形式（.xls）です" },
        { "pdf-named-csv", "中身はPDF ファイルです" },
        { "unknown-extension", "形式（.txt）には対応していません" },
        { "empty-file", "空（0バイト）" },
        { "empty-sheet", "シート「Sheet1」は空です" },
        { "missing-header", "資料4の見出し行が見つかりません" },
        { "missing-column", "「最終目標」の列がありません" },
        { "duplicated-header", "「実績値」が G列・H列" },
        { "too-large", "取り込める大きさの上限（20 MB）を超えています" },
        { "cell-10mb-xlsx", "1つのセルに入る上限（32,767文字）を超えています" },
        { "cell-10mb-csv", "1つのセルに入る上限（32,767文字）を超えています" },
        { "no-data-rows", "見出しの下にデータの行がありません" },
        { "conflicting-years", "見出しの年度が食い違っています" },
        { "bad-encoding-csv", "文字コードを判別できません" },
        { "unclosed-quote-csv", "閉じられないまま" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void BadFile_IsRefused_WithItsMessage(string kind, string expected)
    {
        var (name, bytes) = BadFiles.Build(kind);
        var reading = ImportReader.Read(name, new MemoryStream(bytes));

        Assert.True(reading.IsRefused, $"{kind} was read: {reading.Rows.Count} rows");
        Assert.Contains(expected, reading.Refusal, StringComparison.Ordinal);
        Assert.Empty(reading.Rows);
        Assert.False(reading.CanCommit);
    }
}

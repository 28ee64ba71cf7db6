using System.Diagnostics;
using Shinchoku.Reports.Export;
using Shinchoku.Reports.Tests.Support;

namespace Shinchoku.Reports.Tests.Export;

/// <summary>The print view printed to PDF by Chromium: it opens, it is A3 landscape, and it has the Japanese text.</summary>
public class PdfTests
{
    [SkippableFact]
    public async Task Pdf_OpensAndHasTheJapaneseText()
    {
        var chromium = Environment.GetEnvironmentVariable("SHINCHOKU_TEST_CHROMIUM");
        Skip.If(string.IsNullOrEmpty(chromium), "PDF のテストは Chromium で実行します（SHINCHOKU_TEST_CHROMIUM が未設定）。");
        Skip.IfNot(File.Exists("/usr/bin/pdftotext"), "PDF の文字を確かめる pdftotext（poppler-utils）がありません。");

        var html = ReportHtml.ToHtml(Documents.From(Documents.SeedReading()));
        var pdf = await new ChromiumPdf(chromium!).PrintAsync(html);
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8));

        var path = Path.Combine(Path.GetTempPath(), $"shinchoku-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            // Cells wrap words over lines: compare without the white space.
            var text = string.Concat((await Run("/usr/bin/pdftotext", path, "-")).Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("資料４－１", text, StringComparison.Ordinal);
            Assert.Contains("資料４－２", text, StringComparison.Ordinal);
            // Table cells come out of pdftotext side by side: look for words that fit on one line of a cell.
            Assert.Contains("テレワークの推進", text, StringComparison.Ordinal);
            Assert.Contains("ちばバリアフリーマップ", text, StringComparison.Ordinal);
            Assert.Contains("進捗率", text, StringComparison.Ordinal);
            var info = await Run("/usr/bin/pdfinfo", path);
            Assert.Contains("(A3)", info, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}

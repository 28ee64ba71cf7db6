using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Shinchoku.Reports.Export;
using Shinchoku.Reports.Import;
using Shinchoku.Reports.Layout;
using Shinchoku.Core.Time;

namespace Shinchoku.Reports.Bench;

/// <summary>
/// Wall-clock benchmarks of 資料4 export and import (see bench/README.md and bench/reports-bench.sh):
/// <code>
/// export --rows 10000 [--repeat 5] [--out FILE]   write a generated plan's 資料4-2 as .xlsx; prints median ms and peak memory
/// import --rows 1000 [--repeat 5]                  read and check a generated 1,000-row sheet; prints median ms
/// dump --rows 10000 --out rows.json                the generated rows, for the openpyxl peer
/// write --rows 20000 --out FILE                    the generated sheet as .xlsx, for timing the app's import into a database
/// </code>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "export";
        var rows = int.Parse(Option(args, "--rows") ?? "10000", CultureInfo.InvariantCulture);
        var repeat = int.Parse(Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        var output = Option(args, "--out");
        switch (command)
        {
            case "export":
                Export(rows, repeat, output ?? Path.Combine(Path.GetTempPath(), "shinchoku-bench.xlsx"));
                return 0;
            case "import":
                Import(rows, repeat);
                return 0;
            case "write":
                using (var stream = File.Create(output ?? "bench.xlsx"))
                {
                    ReportXlsx.Write(Generated.Document(rows), stream);
                }

                return 0;
            case "dump":
                using (var stream = File.Create(output ?? "rows.json"))
                {
                    JsonSerializer.Serialize(stream, Generated.Rows(rows).ToList());
                }

                return 0;
            default:
                Console.Error.WriteLine("export | import | dump | write");
                return 2;
        }
    }

    private static void Export(int rows, int repeat, string path)
    {
        var times = new List<double>();
        long size = 0;
        for (var i = 0; i < repeat + 1; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            using (var file = File.Create(path))
            {
                // Rows are generated as they are written: the writer streams, nothing holds the whole table.
                ReportXlsx.Write(Generated.Document(rows), file);
            }

            stopwatch.Stop();
            size = new FileInfo(path).Length;
            if (i > 0)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds); // the first run warms up the JIT
            }
        }

        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export rows={rows} median_ms={Median(times):F0} min_ms={times.Min():F0} size_kb={size / 1024} peak_working_set_mb={process.PeakWorkingSet64 / 1024 / 1024} gc_heap_mb={info.HeapSizeBytes / 1024 / 1024}"));
    }

    private static void Import(int rows, int repeat)
    {
        using var buffer = new MemoryStream();
        ReportXlsx.Write(Generated.Document(rows), buffer);
        var bytes = buffer.ToArray();
        var times = new List<double>();
        ImportReading? reading = null;
        for (var i = 0; i < repeat + 1; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            reading = ImportReader.Read("bench.xlsx", new MemoryStream(bytes));
            stopwatch.Stop();
            if (i > 0)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import rows={reading!.Rows.Count} errors={reading.ErrorCount} median_ms={Median(times):F0} min_ms={times.Min():F0} size_kb={bytes.Length / 1024}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>A generated plan: 4 areas × 5 fields × 3 subsections, three indicators per initiative, texts as long as the real report's.</summary>
public static class Generated
{
    private static readonly string[] Statuses =
    [
        "関係団体との連絡協議会、行政書士などに対する申告書等記載方法の説明時等において、利用を促した。毎年、運輸支局、行政書士会との連絡調整会議を実施している。",
        "新型コロナウイルス感染症の感染拡大に対応するため、緊急事態宣言期間中、強力にテレワークを推進。また、配付パソコンから庁内ネットワークに接続可能とした。",
        "システム構築の完了が年度末になる見込みであるため、導入作業を実施中。\n・選定10業務を対象に導入\n・各種情報システムとの連携を調整",
    ];

    /// <summary>One generated row, in the fields the peer writes.</summary>
    public sealed record Row(
        string Area, string Section, string Subsection, string Initiative, string Indicator, string Baseline, string Actual,
        string Projection, string Basis, string Final, string Status, string Challenges, string Plan, string Question, string Trend, string Rating);

    public static IEnumerable<Row> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var initiative = i / 3;
            var subsection = initiative / 4;
            var section = subsection / 3;
            var area = section / 5 % 4;
            var n = i.ToString(CultureInfo.InvariantCulture);
            var baseline = 1000 + i % 997;
            var projection = baseline + i % 400;
            var final = baseline + 500;
            var progress = (projection - baseline) / 500m;
            yield return new Row(
                $"{"アイウエ"[area]} 分野{area + 1}「あらゆる人が暮らしやすい社会」の実現に向けた取組",
                $"（{"アイウエオ"[section % 5]}）中項目{section + 1} 行政手続きのオンライン化と業務の効率化",
                $"①　小項目{subsection + 1} 多言語による災害・医療情報の提供",
                $"取組{initiative + 1} 自動車保有関係手続ワンストップサービスの推進",
                $"成果指標{n} ワンストップサービス利用率\n※新規新車登録時に限る",
                $"{baseline:N0}件\n(令和元年度)",
                $"{projection - 10:N0}件\n(令和2年12月末現在)",
                $"{projection:N0}件",
                "令和2年11月時点での実績件数と、令和2年12月～令和3年3月の各月の見込件数を足したもの。",
                $"{final:N0}件",
                Statuses[i % Statuses.Length],
                "・小規模な事業者が導入に消極的なため、利用が伸び悩んでいる。",
                "関係団体との連絡協議会等において、利用を促していく。",
                i % 4 == 0 ? "民間企業におけるサテライトオフィスの設置・活用状況について伺いたい。" : "－",
                projection > baseline ? "↗" : "→",
                progress >= 1 ? "◎" : progress >= 0.5m ? "○" : progress > 0 ? "△" : "ー");
        }
    }

    public static ReportDocument Document(int count)
    {
        var rows = Rows(count).Select(r => new ReportRow
        {
            Area = r.Area,
            Section = r.Section,
            Subsection = r.Subsection,
            Initiative = r.Initiative,
            Indicator = r.Indicator,
            Baseline = r.Baseline,
            Actual = r.Actual,
            Projection = r.Projection,
            ProjectionBasis = r.Basis,
            FinalTarget = r.Final,
            Status = r.Status,
            Challenges = r.Challenges,
            Plan = r.Plan,
            Question = r.Question,
            Marks = new ReportMarks(r.Trend, r.Rating, "", false),
        });
        var table = new ReportTable("4-2", "個別施策", new ReportYears(new FiscalYear(2020), new FiscalYear(2019), null, new FiscalYear(2021)), rows);
        return new ReportDocument("ベンチマーク計画", new FiscalYear(2020), "令和2年度 進捗状況（資料4-2）", [table]);
    }
}

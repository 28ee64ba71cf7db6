using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.OpenData;

/// <summary>The CSV files and the ZIP: encoding, column names, contents against the database, formula injection, licence.</summary>
[Collection(DemoAppsGroup.Name)]
public class OpenDataCsvTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private static async Task<(byte[] Bytes, List<string[]> Rows)> GetCsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("rel=\"license\"", string.Join(",", response.Headers.GetValues("Link")), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (bytes, Parse(bytes));
    }

    /// <summary>A small RFC 4180 reader for the tests (quoted fields with commas, quotes and line breaks).</summary>
    internal static List<string[]> Parse(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "CSV starts with the UTF-8 BOM");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task IndicatorsCsv_HasTheDefinedColumns_AndTheDatabasesRows(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (_, rows) = await GetCsvAsync(app.CreateClient(), "/api/v1/indicators.csv?plan=chiba-ict");
        Assert.Equal(DataDefinitions.Indicators.Columns, rows[0]);
        Assert.Equal("全国地方公共団体コード", rows[0][0]);
        await using var scope = app.Scope(out var db);
        var indicators = await db.Indicators.Where(i => i.Initiative!.Plan!.Key == "chiba-ict").ToListAsync();
        Assert.Equal(indicators.Count, rows.Count - 1);
        var id = Array.IndexOf(rows[0], "指標ID");
        var name = Array.IndexOf(rows[0], "指標名");
        var baseline = Array.IndexOf(rows[0], "基準値");
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal("120006", row[0]);
            var indicator = indicators.Single(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == row[id]);
            Assert.Equal(indicator.Name, row[name]);
            Assert.Equal(indicator.Baseline.Text.StartsWith('-') ? "'" + indicator.Baseline.Text : indicator.Baseline.Text, row[baseline]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ValuesCsv_HasOneRowPerPublishedYear_WithIsoDates(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var (_, rows) = await GetCsvAsync(app.CreateClient(), "/api/v1/values.csv");
        Assert.Equal(DataDefinitions.Values.Columns, rows[0]);
        Assert.Equal("全国地方公共団体コード", rows[0][0]);
        await using var scope = app.Scope(out var db);
        var published = await db.IndicatorReports.CountAsync(r => r.FiscalYear == new FiscalYear(2020) && r.Indicator!.Initiative!.Plan!.Key == "chiba-ict");
        Assert.Equal(published, rows.Count - 1);
        var asOf = Array.IndexOf(rows[0], "実績値の時点");
        Assert.All(rows.Skip(1).Select(r => r[asOf]).Where(d => d.Length > 0), d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
        Assert.Contains(rows.Skip(1), r => r[asOf].Length > 0);
        Assert.All(rows.Skip(1), r => Assert.Equal("2020", r[Array.IndexOf(rows[0], "年度")]));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ListCsvs_MatchTheirJson(DatabaseProvider provider)
    {
        var client = apps.For(provider).CreateClient();
        var (_, plans) = await GetCsvAsync(client, "/api/v1/plans.csv");
        var plansJson = await OpenDataApiTests.GetJsonAsync(client, "/api/v1/plans");
        Assert.Equal(plansJson.GetProperty("items").GetArrayLength(), plans.Count - 1);
        var (_, nodes) = await GetCsvAsync(client, "/api/v1/plans/chiba-dx-1.1/tree.csv");
        Assert.Equal(DataDefinitions.Nodes.Columns, nodes[0]);
        Assert.Equal(51, nodes.Count - 1);
        var (_, initiatives) = await GetCsvAsync(client, "/api/v1/plans/chiba-dx-1.1/initiatives.csv");
        var initiativesJson = await OpenDataApiTests.GetJsonAsync(client, "/api/v1/plans/chiba-dx-1.1/initiatives");
        var key = Array.IndexOf(initiatives[0], "取組ID");
        Assert.Equal(initiativesJson.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()), initiatives.Skip(1).Select(r => r[key]).Distinct());
        // One row per placement: 【再掲】 rows are marked 再掲.
        Assert.Equal(initiativesJson.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("nodeKeys").GetArrayLength()), initiatives.Count - 1);
        Assert.Contains(initiatives.Skip(1), r => r[Array.IndexOf(initiatives[0], "掲載区分")] == "再掲");
    }

    [Fact]
    public async Task EveryCsv_HasEveryFieldOfTheDataDefinitions()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient();
        var files = new Dictionary<string, string>
        {
            ["plans"] = "/api/v1/plans.csv",
            ["nodes"] = "/api/v1/plans/chiba-ict/tree.csv",
            ["initiatives"] = "/api/v1/plans/chiba-ict/initiatives.csv",
            ["indicators"] = "/api/v1/indicators.csv",
            ["values"] = "/api/v1/values.csv",
        };
        foreach (var set in DataDefinitions.All)
        {
            var (_, rows) = await GetCsvAsync(client, files[set.Key]);
            Assert.Equal(set.Columns, rows[0]);
            Assert.Equal("全国地方公共団体コード", rows[0][0]);
            Assert.True(rows.Count > 1, set.Key);
            Assert.All(rows.Skip(1), r => Assert.Equal("120006", r[0]));
        }
    }

    [Fact]
    public async Task Zip_HasEveryFile_TheLicenceAndAReadme()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/download.zip", UriKind.Relative));
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["README.txt", "LICENSE.txt", "plans.csv", "nodes.csv", "initiatives.csv", "indicators.csv", "values.csv"], zip.Entries.Select(e => e.FullName));
        using var licence = new StreamReader(zip.GetEntry("LICENSE.txt")!.Open());
        Assert.Contains("CC BY 4.0", await licence.ReadToEndAsync(), StringComparison.Ordinal);
        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());
        var readmeText = await readme.ReadToEndAsync();
        Assert.Contains("CC BY 4.0", readmeText, StringComparison.Ordinal);
        Assert.Contains("全国地方公共団体コード", readmeText, StringComparison.Ordinal);
        await using var indicators = zip.GetEntry("indicators.csv")!.Open();
        using var copy = new MemoryStream();
        await indicators.CopyToAsync(copy);
        var (_, fromApi) = await GetCsvAsync(client, "/api/v1/indicators.csv");
        Assert.Equal(fromApi, Parse(copy.ToArray()));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+81", "'+81")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("千葉県", "千葉県")]
    public void Csv_GuardsAgainstFormulaInjection(string text, string written)
    {
        var bytes = OpenDataCsv.Write(["値"], [[text]]);
        Assert.Equal(written, Parse(bytes)[1][0]);
    }
}

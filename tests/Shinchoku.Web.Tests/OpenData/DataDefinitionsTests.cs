using System.Globalization;
using System.Text.Json;
using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.OpenData;

/// <summary>
/// The 項目定義書 and what the API and CSV really emit: every CSV header is the definitions' columns, every JSON
/// property of each list is defined, every defined JSON field exists, and a CSV cell holds the same value as the
/// JSON field the definitions pair it with.
/// </summary>
public class DataDefinitionsTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CsvColumnsAndJsonFields_AreThoseOfTheDataDefinitions_WithTheSameValues(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        // Every indicator's JSON is fetched: the rate limit is lifted for this client.
        using var app = new TestApp(provider, settings: new Dictionary<string, string?> { ["OpenData:RateLimit:PermitPerMinute"] = "100000" });
        var client = app.CreateClient();
        var plans = await OpenDataApiTests.GetJsonAsync(client, "/api/v1/plans");
        var tree = await OpenDataApiTests.GetJsonAsync(client, "/api/v1/plans/chiba-ict/tree");
        var initiatives = await OpenDataApiTests.GetJsonAsync(client, "/api/v1/plans/chiba-ict/initiatives");
        var indicators = await OpenDataApiTests.GetJsonAsync(client, "/api/v1/indicators?plan=chiba-ict&pageSize=500");
        var details = new List<JsonElement>();
        foreach (var item in indicators.GetProperty("items").EnumerateArray())
        {
            details.Add(await OpenDataApiTests.GetJsonAsync(client, $"/api/v1/indicators/{item.GetProperty("id").GetInt32()}"));
        }

        var lists = new (DataSet Set, string Csv, List<(JsonElement Answer, JsonElement Item)> Items, string[] KeyColumns)[]
        {
            (DataDefinitions.Plans, "/api/v1/plans.csv", Items(plans, "items"), ["戦略ID"]),
            (DataDefinitions.Nodes, "/api/v1/plans/chiba-ict/tree.csv", [.. Flatten(tree.GetProperty("roots")).Select(n => (tree, n))], ["項目ID"]),
            (DataDefinitions.Initiatives, "/api/v1/plans/chiba-ict/initiatives.csv", Items(initiatives, "items"), ["取組ID"]),
            (DataDefinitions.Indicators, "/api/v1/indicators.csv?plan=chiba-ict", Items(indicators, "items"), ["指標ID"]),
            (DataDefinitions.Values, "/api/v1/values.csv?plan=chiba-ict", [.. details.SelectMany(d => Items(d, "years"))], ["指標ID", "年度"]),
        };
        Assert.Equal(DataDefinitions.All, lists.Select(l => l.Set));
        foreach (var (set, csv, items, keyColumns) in lists)
        {
            Assert.NotEmpty(items);
            using var response = await client.GetAsync(new Uri(csv, UriKind.Relative));
            var rows = OpenDataCsvTests.Parse(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(set.Columns, rows[0]);
            Assert.Equal("全国地方公共団体コード", rows[0][0]);

            // Every JSON property of an item is defined (itself, or the fields inside it) …
            var defined = set.Fields.Where(f => f.Json is not null && !f.Json.StartsWith('/')).Select(f => f.Json!).ToList();
            foreach (var property in items.SelectMany(i => i.Item.EnumerateObject()).Select(p => p.Name).Distinct())
            {
                Assert.True(defined.Any(d => d == property || d.StartsWith(property + ".", StringComparison.Ordinal)), $"{set.Key}: JSON {property} is not in the data definitions");
            }

            // … and every defined JSON field exists.
            foreach (var field in set.Fields.Where(f => f.Json is not null))
            {
                Assert.True(items.Any(i => Resolve(i, field.Json!) is not null), $"{set.Key}: {field.Json} is not in the JSON");
            }

            // A CSV row holds the values of the JSON item with the same key.
            var paired = set.Fields.Where(f => f.Column is not null && f.Json is not null).ToList();
            var byKey = items.ToDictionary(i => Key(keyColumns.Select(c => Text(Resolve(i, set.Fields.Single(f => f.Column == c).Json!)))));
            foreach (var row in rows.Skip(1))
            {
                var key = Key(keyColumns.Select(c => row[Array.IndexOf(rows[0], c)]));
                Assert.True(byKey.TryGetValue(key, out var item), $"{set.Key}: CSV row {key} has no JSON item");
                foreach (var field in paired)
                {
                    var cell = row[Array.IndexOf(rows[0], field.Column)];
                    var json = Text(Resolve(item, field.Json!));
                    Assert.True(cell == json || cell == "'" + json, $"{set.Key} {key}: CSV {field.Column}「{cell}」 ≠ JSON {field.Json}「{json}」");
                }
            }

            Assert.Equal(items.Count, rows.Skip(1).Select(r => Key(keyColumns.Select(c => r[Array.IndexOf(rows[0], c)]))).Distinct().Count());
        }
    }

    private static List<(JsonElement, JsonElement)> Items(JsonElement answer, string list) =>
        [.. answer.GetProperty(list).EnumerateArray().Select(i => (answer, i))];

    private static IEnumerable<JsonElement> Flatten(JsonElement nodes) =>
        nodes.EnumerateArray().SelectMany(n => Flatten(n.GetProperty("children")).Prepend(n));

    private static string Key(IEnumerable<string> parts) => string.Join("|", parts);

    /// <summary>The value at a definitions' JSON path ("a.b", or "/a" on the answer); a JSON null for a null on the way; C# null when missing.</summary>
    private static JsonElement? Resolve((JsonElement Answer, JsonElement Item) source, string path)
    {
        var element = path.StartsWith('/') ? source.Answer : source.Item;
        foreach (var name in path.TrimStart('/').Split('.'))
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return element;
            }

            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var next))
            {
                return null;
            }

            element = next;
        }

        return element;
    }

    /// <summary>A JSON value as the CSV writes it: text as is, numbers as written, lists joined with 「、」, null empty.</summary>
    private static string Text(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString()!,
        JsonValueKind.Number => value.Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join("、", value.Value.EnumerateArray().Select(e => Text(e))),
        _ => "",
    };
}

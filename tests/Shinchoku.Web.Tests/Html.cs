using AngleSharp;
using AngleSharp.Dom;

namespace Shinchoku.Web.Tests;

/// <summary>Fetches and parses pages the way a browser would see their HTML.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return await Context.OpenAsync(r => r.Content(body));
    }

    public static Task<IDocument> ParseAsync(string body) => Context.OpenAsync(r => r.Content(body));
}

using System.Net;
using AngleSharp.Dom;

namespace Shinchoku.Web.Tests;

/// <summary>The answer to a submitted admin form: the page the browser ends on, and whether it got there by a redirect (a saved change).</summary>
public sealed record Submitted(bool Redirected, string? Location, IDocument Page)
{
    /// <summary>The error summary's text, or empty.</summary>
    public string Summary => Page.QuerySelector(".error-summary[role=alert]")?.TextContent ?? "";

    /// <summary>The success message's text, or empty.</summary>
    public string Done => Page.QuerySelector(".success[role=status]")?.TextContent ?? "";

    /// <summary>The message shown beside the field with id <paramref name="field"/>, or null.</summary>
    public string? ErrorOf(string field) => Page.GetElementById(field + "-error")?.TextContent;
}

/// <summary>Submits the forms of the admin pages as a browser would: the form's own values and antiforgery token, the given fields over them.</summary>
public static class AdminForms
{
    /// <summary>Submits the form on <paramref name="url"/> whose handler is <paramref name="handler"/> (null: the page's form without a handler).</summary>
    public static async Task<Submitted> SubmitAsync(this HttpClient client, string url, string? handler, Dictionary<string, string> fields)
    {
        var page = await Html.GetAsync(client, url);
        var form = FindForm(page, handler) ?? throw new InvalidOperationException($"no form {handler} on {url}");
        return await client.SubmitAsync(form, url, fields);
    }

    /// <summary>Submits <paramref name="form"/>, found on the page at <paramref name="url"/>.</summary>
    public static async Task<Submitted> SubmitAsync(this HttpClient client, IElement form, string url, Dictionary<string, string> fields)
    {
        var values = Browsing.FormValues(form);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = form.GetAttribute("action");
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? url : action, UriKind.Relative), content);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!.OriginalString;
            return new Submitted(true, location, await Html.GetAsync(client, location));
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {action ?? url} → {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return new Submitted(false, null, await Html.ParseAsync(body));
    }

    public static IElement? FindForm(IDocument page, string? handler) =>
        page.QuerySelectorAll("main form[method='post']").FirstOrDefault(f => handler is null
            ? !(f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.Ordinal)
            : (f.GetAttribute("action") ?? "").EndsWith("handler=" + handler, StringComparison.Ordinal));

    /// <summary>The value a field shows: an input's value, a textarea's text, a select's selected option.</summary>
    public static string? ValueOf(this IDocument page, string id)
    {
        var element = page.GetElementById(id);
        return element?.LocalName switch
        {
            null => null,
            "textarea" => element.TextContent,
            "select" => element.QuerySelector("option[selected]")?.GetAttribute("value"),
            _ => element.GetAttribute("value"),
        };
    }

    /// <summary>Asserts that the page refused the form because of <paramref name="field"/>: the summary links to it, it is marked invalid, the message says <paramref name="says"/>.</summary>
    public static void AssertFieldError(this Submitted result, string field, string says)
    {
        Assert.False(result.Redirected, $"expected the form to be refused, but it was saved ({result.Location})");
        var link = result.Page.QuerySelectorAll(".error-summary a").FirstOrDefault(a => a.GetAttribute("href") == "#" + field);
        Assert.True(link is not null, $"no link to #{field} in the error summary: {result.Summary}");
        Assert.Contains(says, link!.TextContent, StringComparison.Ordinal);
        Assert.Contains(says, result.ErrorOf(field) ?? "", StringComparison.Ordinal);
        var element = result.Page.GetElementById(field)!;
        if (element.LocalName != "fieldset")
        {
            Assert.Equal("true", element.GetAttribute("aria-invalid"));
            Assert.Contains(field + "-error", element.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        }
    }
}

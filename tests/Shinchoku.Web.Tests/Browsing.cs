using System.Net;
using AngleSharp.Dom;
using Shinchoku.Web.Accounts;

namespace Shinchoku.Web.Tests;

/// <summary>A signed-in session of a test client: sign in as a demo account, submit forms with their antiforgery token.</summary>
public static class Browsing
{
    /// <summary>A client signed in as the demo account <paramref name="userName"/> (see DemoAccounts).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this TestApp app, string userName)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = userName, ["password"] = DemoAccounts.Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs <paramref name="url"/>, finds the form there, and posts it with <paramref name="fields"/> over its current values.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string formSelector = "main form[method='post']")
    {
        var page = await Html.GetAsync(client, url);
        var form = page.QuerySelector(formSelector) ?? page.QuerySelector("form[method='post']")
            ?? throw new InvalidOperationException($"no form on {url}");
        var values = FormValues(form);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>The values a browser would submit for <paramref name="form"/>, antiforgery token included.</summary>
    public static Dictionary<string, string> FormValues(IElement form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio" && !input.HasAttribute("checked"))
            {
                continue;
            }

            values[name] = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
        }

        return values;
    }
}

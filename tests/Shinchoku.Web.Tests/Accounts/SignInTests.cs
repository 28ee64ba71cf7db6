using System.Net;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Accounts;

[Collection(DemoAppsGroup.Name)]
public class SignInTests(DemoApps apps)
{
    public static TheoryData<string> DemoUsers() => [.. DemoAccounts.All.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task DemoAccount_SignsIn_AndSeesItsNameInTheHeader(string userName)
    {
        var client = await apps.For(DatabaseProvider.Sqlite).SignedInClientAsync(userName);
        var home = await Html.GetAsync(client, "/");
        Assert.Contains(userName, home.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedWithAJapaneseMessage()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = "viewer", ["password"] = "wrong-password" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(Shinchoku.Web.Accounts.LoginModel.Refused, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.PostFormAsync("/account/login", new() { ["userName"] = "expert", ["password"] = "wrong-password" });
        }

        using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = "expert", ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("ロックされています", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedAccount_AndAnUnknownName_GetTheSameAnswer()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        async Task<string> AnswerAsync(string userName, string password)
        {
            using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = userName, ["password"] = password });
            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            return $"{(int)response.StatusCode} {page.QuerySelector("[role=alert]")?.TextContent.Trim()}";
        }

        var answers = new List<(string Name, string Answer)>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(("expert", await AnswerAsync("expert", "wrong-password")));
            answers.Add(("no-such-user", await AnswerAsync("no-such-user", "wrong-password")));
        }

        answers.Add(("expert (locked, right password)", await AnswerAsync("expert", DemoAccounts.Password)));
        Assert.Single(answers.Select(a => a.Answer).Distinct());
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRefused()
    {
        var client = apps.For(DatabaseProvider.Sqlite).CreateClient(new() { AllowAutoRedirect = false });
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "viewer", ["password"] = DemoAccounts.Password });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

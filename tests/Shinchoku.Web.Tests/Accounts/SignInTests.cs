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
        Assert.Contains("ユーザー名またはパスワードが正しくありません", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
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
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("ロックされています", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
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

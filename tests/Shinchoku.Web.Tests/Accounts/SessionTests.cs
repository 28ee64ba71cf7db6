using System.Net;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Accounts;

/// <summary>
/// A session ends when its user signs out, has the password or role changed, or is stopped by the DX office:
/// a copied cookie is refused afterwards.
/// </summary>
public class SessionTests
{
    private const string StaffPage = "/council";

    [Fact]
    public async Task ACopiedCookie_IsRefusedAfterSignOut()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var (client, cookie) = await SignInAsync(app, "viewer");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, cookie));

        using (var signedOut = await client.PostFormAsync("/", new(), "form[action='/account/logout']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(app, cookie));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("role")]
    [InlineData("lock")]
    public async Task ACopiedCookie_IsRefusedAfterThePasswordOrRoleIsChangedOrTheUserIsStopped(string change)
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var (_, cookie) = await SignInAsync(app, "viewer");
        var admin = await app.SignedInClientAsync("dx-admin");
        var url = await UserUrlAsync(app, "viewer");
        var saved = change switch
        {
            "password" => await admin.SubmitAsync(url, "password", new() { ["newPassword"] = "another-long-password", ["newPasswordConfirm"] = "another-long-password" }),
            "role" => await admin.SubmitAsync(url, null, new() { ["role"] = Roles.Expert }),
            _ => await admin.SubmitAsync(url, "lock", new()),
        };
        Assert.True(saved.Redirected, saved.Summary);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(app, cookie));
    }

    [Fact]
    public async Task AStoppedUser_CannotSignIn_UntilUnlocked()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var admin = await app.SignedInClientAsync("dx-admin");
        var url = await UserUrlAsync(app, "viewer");
        var stopped = await admin.SubmitAsync(url, "lock", new());
        Assert.True(stopped.Redirected, stopped.Summary);
        Assert.Contains("利用停止中", await admin.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);

        using (var refused = await app.CreateClient(new() { AllowAutoRedirect = false }).PostFormAsync("/account/login", new() { ["userName"] = "viewer", ["password"] = DemoAccounts.Password }))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        }

        var unlocked = await admin.SubmitAsync(url, "unlock", new());
        Assert.True(unlocked.Redirected, unlocked.Summary);
        await SignInAsync(app, "viewer");
    }

    [Fact]
    public async Task TheDxOffice_CannotStopItself()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var admin = await app.SignedInClientAsync("dx-admin");
        var refused = await admin.SubmitAsync(await UserUrlAsync(app, "dx-admin"), "lock", new());
        Assert.False(refused.Redirected);
        Assert.Contains("自分自身", refused.Summary, StringComparison.Ordinal);
    }

    /// <summary>Signs in and returns the client and a copy of its session cookie, as someone who copied it would hold it.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignInAsync(TestApp app, string userName)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostFormAsync("/account/login", new() { ["userName"] = userName, ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("shinchoku=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>Requests a staff page with only the copied cookie: 200 while the session lives, a redirect to sign-in once it ended.</summary>
    private static async Task<HttpStatusCode> ReplayAsync(TestApp app, string cookie)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(StaffPage, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    private static async Task<string> UserUrlAsync(TestApp app, string userName)
    {
        await using var scope = app.Scope(out var db);
        return "/admin/users/" + await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}

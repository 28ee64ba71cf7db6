using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Accounts;

/// <summary>Creating users, changing role and department, resetting passwords, unlocking.</summary>
public class UserAdminTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task CreateDepartmentEditor_SignsInAndIsListed(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        var departmentId = await DepartmentIdAsync(app, "県警");

        var created = await client.SubmitAsync("/admin/users/new", null, new()
        {
            ["userName"] = "kenkei-sato",
            ["displayName"] = "県警 佐藤",
            ["role"] = Roles.DepartmentEditor,
            ["departmentId"] = departmentId,
            ["password"] = "kenkei-2026-pass",
            ["passwordConfirm"] = "kenkei-2026-pass",
        });

        Assert.True(created.Redirected);
        Assert.Contains("ユーザー「kenkei-sato」（所管課 入力担当）を作成しました", created.Done, StringComparison.Ordinal);
        var row = created.Page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "kenkei-sato");
        Assert.Contains("県警 佐藤", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("所管課 入力担当", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("県警", row.QuerySelectorAll("td")[3].TextContent, StringComparison.Ordinal);

        var login = app.CreateClient(new() { AllowAutoRedirect = false });
        using var signedIn = await login.PostFormAsync("/account/login", new() { ["userName"] = "kenkei-sato", ["password"] = "kenkei-2026-pass" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task CreateUser_WithMistakes_NamesEachFieldAndKeepsWhatWasTyped()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        var departmentId = await DepartmentIdAsync(app, "税務課");

        var result = await client.SubmitAsync("/admin/users/new", null, new()
        {
            ["userName"] = "zeimu",
            ["displayName"] = "閲覧 担当",
            ["role"] = Roles.Viewer,
            ["departmentId"] = departmentId,
            ["password"] = "short",
            ["passwordConfirm"] = "shorter",
        });

        result.AssertFieldError("userName", "ユーザー名「zeimu」は既に使われています");
        result.AssertFieldError("departmentId", "「閲覧者」では「（なし）」を選んでください");
        result.AssertFieldError("password", "パスワードは10文字以上にしてください");
        result.AssertFieldError("passwordConfirm", "一致しません");
        Assert.Equal("zeimu", result.Page.ValueOf("userName"));
        Assert.Equal("閲覧 担当", result.Page.ValueOf("displayName"));
        Assert.Equal(departmentId, result.Page.ValueOf("departmentId"));
        Assert.True(result.Page.GetElementById("role-Viewer")!.HasAttribute("checked"));
        Assert.Equal("", result.Page.ValueOf("password") ?? ""); // never written back

        var editor = await client.SubmitAsync("/admin/users/new", null, new()
        {
            ["userName"] = "新しい人", ["displayName"] = "入力 担当", ["role"] = Roles.DepartmentEditor, ["departmentId"] = "",
            ["password"] = "long-enough-1", ["passwordConfirm"] = "long-enough-1",
        });
        editor.AssertFieldError("userName", "半角英数字");
        editor.AssertFieldError("departmentId", "入力を担当する所管課を選んでください");
        await using var scope = app.Scope(out var db);
        Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ChangeRole_ViewerBecomesEditor_AndGainsDataEntry(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        var url = await UserUrlAsync(app, "viewer");

        var saved = await client.SubmitAsync(url, null, new() { ["role"] = Roles.DepartmentEditor, ["departmentId"] = await DepartmentIdAsync(app, "税務課") });

        Assert.True(saved.Redirected);
        var row = saved.Page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "viewer");
        Assert.Contains("所管課 入力担当", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("税務課", row.TextContent, StringComparison.Ordinal);
        await using var scope = app.Scope(out var db);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var viewer = await users.FindByNameAsync("viewer");
        Assert.Equal([Roles.DepartmentEditor], await users.GetRolesAsync(viewer!));
    }

    [Fact]
    public async Task ChangeRole_OfTheOnlyAdministrator_IsRefused()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");

        var result = await client.SubmitAsync(await UserUrlAsync(app, "dx-admin"), null, new() { ["role"] = Roles.Viewer });

        result.AssertFieldError("role", "ただ一人の");
        Assert.True(result.Page.GetElementById("role-Viewer")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task ResetPassword_ThenTheNewPasswordSignsIn()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        var url = await UserUrlAsync(app, "expert");

        var tooShort = await client.SubmitAsync(url, "password", new() { ["newPassword"] = "abc", ["newPasswordConfirm"] = "abc" });
        tooShort.AssertFieldError("newPassword", "10文字以上");

        var reset = await client.SubmitAsync(url, "password", new() { ["newPassword"] = "advisory-council-2026", ["newPasswordConfirm"] = "advisory-council-2026" });
        Assert.True(reset.Redirected);
        Assert.Contains("パスワードを再設定しました", reset.Done, StringComparison.Ordinal);

        var login = app.CreateClient(new() { AllowAutoRedirect = false });
        using var old = await login.PostFormAsync("/account/login", new() { ["userName"] = "expert", ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var fresh = await login.PostFormAsync("/account/login", new() { ["userName"] = "expert", ["password"] = "advisory-council-2026" });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task LockedUser_IsShownLocked_AndUnlockLetsThemSignIn(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var login = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            using var failed = await login.PostFormAsync("/account/login", new() { ["userName"] = "kenkei", ["password"] = "wrong-password" });
        }

        var client = await app.SignedInClientAsync("dx-admin");
        var list = await Html.GetAsync(client, "/admin/users");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "kenkei");
        Assert.Contains("ロック中", row.TextContent, StringComparison.Ordinal);

        var unlocked = await client.SubmitAsync(await UserUrlAsync(app, "kenkei"), "unlock", []);
        Assert.Contains("ロックを解除しました", unlocked.Done, StringComparison.Ordinal);
        Assert.Null(AdminForms.FindForm(unlocked.Page, "unlock"));
        using var signedIn = await login.PostFormAsync("/account/login", new() { ["userName"] = "kenkei", ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<string> DepartmentIdAsync(TestApp app, string name)
    {
        await using var scope = app.Scope(out var db);
        return (await db.Departments.SingleAsync(d => d.Name == name)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> UserUrlAsync(TestApp app, string userName)
    {
        await using var scope = app.Scope(out var db);
        return "/admin/users/" + (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
    }
}

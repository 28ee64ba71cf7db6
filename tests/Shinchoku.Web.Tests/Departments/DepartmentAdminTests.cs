using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Tests.Departments;

/// <summary>Adding and renaming departments; one name per department.</summary>
public class DepartmentAdminTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task AddDepartment_AppearsInTheList_AndADuplicateIsRefused(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");

        var added = await client.SubmitAsync("/admin/departments", null, new() { ["name"] = "デジタル改革推進課" });
        Assert.True(added.Redirected);
        Assert.Contains("所管課「デジタル改革推進課」を登録しました", added.Done, StringComparison.Ordinal);
        Assert.Contains(added.Page.QuerySelectorAll("tbody td"), td => td.TextContent == "デジタル改革推進課");

        // The same name with a stray full-width space is the same department.
        var duplicate = await client.SubmitAsync("/admin/departments", null, new() { ["name"] = "税務課　" });
        duplicate.AssertFieldError("name", "所管課「税務課」は既に登録されています");
        Assert.Equal("税務課　", duplicate.Page.ValueOf("name"));

        var empty = await client.SubmitAsync("/admin/departments", null, new() { ["name"] = "" });
        empty.AssertFieldError("name", "所管課の名称を入力してください");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task RenameDepartment_KeepsItsIndicatorsAndUsers(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = (await db.Departments.SingleAsync(d => d.Name == "税務課")).Id;
        }

        var taken = await client.SubmitAsync($"/admin/departments/{id}", null, new() { ["name"] = "県警" });
        taken.AssertFieldError("name", "所管課「県警」は既に登録されています");
        Assert.Equal("県警", taken.Page.ValueOf("name"));

        var renamed = await client.SubmitAsync($"/admin/departments/{id}", null, new() { ["name"] = "税務課（総務部）" });
        Assert.True(renamed.Redirected);
        Assert.Contains("「税務課」の名称を「税務課（総務部）」に変更しました", renamed.Done, StringComparison.Ordinal);
        var users = await Html.GetAsync(client, "/admin/users");
        var zeimu = users.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "zeimu");
        Assert.Contains("税務課（総務部）", zeimu.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameDepartment_FromAStalePage_ShowsTheOtherNameFirst()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        var client = await app.SignedInClientAsync("dx-admin");
        int id;
        await using (var scope = app.Scope(out var db))
        {
            id = (await db.Departments.SingleAsync(d => d.Name == "県警")).Id;
        }

        var url = $"/admin/departments/{id}";
        var stale = await Html.GetAsync(client, url);
        await client.SubmitAsync(url, null, new() { ["name"] = "千葉県警察本部" });

        var conflict = await client.SubmitAsync(AdminForms.FindForm(stale, null)!, url, new() { ["name"] = "県警察" });

        Assert.False(conflict.Redirected);
        Assert.Contains("ほかの人が「千葉県警察本部」に変更しました", conflict.Summary, StringComparison.Ordinal);
        Assert.Equal("県警察", conflict.Page.ValueOf("name"));
        var again = await client.SubmitAsync(AdminForms.FindForm(conflict.Page, null)!, url, []);
        Assert.Contains("「千葉県警察本部」の名称を「県警察」に変更しました", again.Done, StringComparison.Ordinal);
    }
}

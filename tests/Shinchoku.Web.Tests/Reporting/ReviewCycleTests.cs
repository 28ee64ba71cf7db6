using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using TargetKind = Shinchoku.Core.Rules.TargetKind;
using Shinchoku.Web.Reporting;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Tests.Reporting;

/// <summary>The yearly cycle: requested reports, submission with every missing item listed, review (return, approve), publication and correction.</summary>
public class ReviewCycleTests
{
    public static TheoryData<DatabaseProvider> Providers => DemoApps.Providers;

    private const string ZeimuIndicator = "ワンストップサービス利用率";

    internal static readonly Dictionary<string, string> Complete = new()
    {
        ["Form.Actual"] = "62.10%（令和3年12月末現在）",
        ["Form.Projection"] = "63.00%",
        ["Form.ProjectionBasis"] = "前年度の伸びから推計した。",
        ["Form.Status"] = "利用を促した。",
        ["Form.Plan"] = "引き続き周知する。",
    };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DemoOpenCycle_RequestsEveryKpi_NotStarted(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        await using var scope = app.Scope(out var db);
        var states = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2021)).Select(r => r.State).ToListAsync();
        Assert.Equal(42, states.Count);
        Assert.All(states, s => Assert.Equal(ReportState.NotStarted, s));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OpeningACycle_NeedsADeadline_AndRequestsTheCheckedKpisOnly(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var client = await app.SignedInClientAsync("dx-admin");
        int planId;
        List<int> ids;
        await using (var scope = app.Scope(out var db))
        {
            planId = (await db.Plans.SingleAsync(p => p.Key == "chiba-ict")).Id;
            ids = await db.Indicators.Where(i => i.Initiative!.PlanId == planId).OrderBy(i => i.Order).Select(i => i.Id).ToListAsync();
        }

        var url = $"/admin/cycles?planId={planId}";
        var page = await Html.GetAsync(client, url);
        Assert.Equal(42, page.QuerySelectorAll("input[name=indicatorIds][checked]").Length);
        Assert.Contains(page.QuerySelectorAll("#indicators legend"), l => l.TextContent.Contains("税務課", StringComparison.Ordinal));

        var noDeadline = await client.SubmitAsync(url, "create", new() { ["fiscalYear"] = "令和4年度", ["deadline"] = "" });
        noDeadline.AssertFieldError("deadline", "提出期限を入力してください");
        var early = await client.SubmitAsync(url, "create", new() { ["fiscalYear"] = "令和4年度", ["deadline"] = "2021-05-01" });
        early.AssertFieldError("deadline", "令和4年度の始まり");

        // Only the first two KPIs requested: the form posts the checked boxes.
        var form = AdminForms.FindForm(await Html.GetAsync(client, url), "create")!;
        var values = Browsing.FormValues(form);
        values["fiscalYear"] = "令和4年度";
        values["deadline"] = "令和5年5月31日";
        values.Remove("indicatorIds");
        var pairs = values.Select(kv => KeyValuePair.Create(kv.Key, kv.Value)).Concat(ids.Take(2).Select(i => KeyValuePair.Create("indicatorIds", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var created = await client.PostAsync(new Uri(url + "&handler=create", UriKind.Relative), new FormUrlEncodedContent(pairs));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        await using (var scope = app.Scope(out var db))
        {
            var cycle = await db.ReportingCycles.SingleAsync(c => c.PlanId == planId && c.FiscalYear == new FiscalYear(2022));
            Assert.Equal(new DateOnly(2023, 5, 31), cycle.Deadline);
            var reports = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2022)).ToListAsync();
            Assert.Equal(ids.Take(2).Order(), reports.Select(r => r.IndicatorId).Order());
            Assert.All(reports, r => Assert.Equal(ReportState.NotStarted, r.State));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Submitting_ListsEveryMissingItem_ThenSubmits_AndTheDepartmentCanNoLongerEdit(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await Entry.EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var zeimu = await app.SignedInClientAsync("zeimu");
        var url = $"/entry/{cycleId}/{indicatorId}";

        var refused = await SubmitAsync(zeimu, url, new() { ["Form.Actual"] = "62.10%" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var links = refused.Page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Form_Projection", "#Form_ProjectionBasis", "#Form_Status", "#Form_Plan"], links);
        Assert.Equal("入力中", refused.Page.QuerySelector("#report-state")!.TextContent);
        Assert.Equal("62.10%", await ReportAsync(app, indicatorId, r => r.Actual.Text));

        var submitted = await SubmitAsync(zeimu, url, Complete);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        await using (var scope = app.Scope(out var db))
        {
            var report = await db.IndicatorReports.Include(r => r.ReviewEvents).SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
            Assert.Equal(ReportState.Submitted, report.State);
            Assert.Equal(ReviewAction.Submitted, Assert.Single(report.ReviewEvents).Action);
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == report.Id && a.Field == nameof(IndicatorReport.State)).Select(a => a.After).ToListAsync(), a => a == nameof(ReportState.Submitted));
        }

        var form = await Html.GetAsync(zeimu, url);
        Assert.Contains("提出済みです", form.QuerySelector("#read-only")!.TextContent, StringComparison.Ordinal);
        Assert.True(form.QuerySelector("#Form_Actual")!.HasAttribute("readonly"));
        Assert.Null(form.QuerySelector("main form[method=post] button"));
        using var sneaky = await zeimu.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(Browsing.FormValues(form.QuerySelector("main form[method='post']")!)) { ["Form.Actual"] = "99%" }));
        Assert.Contains("提出済みです", await sneaky.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("62.10%（令和3年12月末現在）", await ReportAsync(app, indicatorId, r => r.Actual.Text));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ReturnNeedsAReason_TheDepartmentSeesIt_ResubmitsAndIsApproved_AStalePageIsRefused(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await Entry.EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var zeimu = await app.SignedInClientAsync("zeimu");
        var admin = await app.SignedInClientAsync("dx-admin");
        var entry = $"/entry/{cycleId}/{indicatorId}";
        var review = $"/admin/cycles/{cycleId}/reports/{indicatorId}";

        // Nothing to decide before submission.
        Assert.Null(AdminForms.FindForm(await Html.GetAsync(admin, review), "approve"));
        await SubmitAsync(zeimu, entry, Complete);

        var stale = await Html.GetAsync(admin, review);
        var noReason = await admin.SubmitAsync(review, "return", new() { ["text"] = " " });
        noReason.AssertFieldError("text-returned", "差戻しの理由を入力してください");
        var returned = await admin.SubmitAsync(review, "return", new() { ["text"] = "見込値の根拠を具体的に書いてください。" });
        Assert.True(returned.Redirected, returned.Summary);
        Assert.Equal("差戻し", returned.Page.QuerySelector("#report-state")!.TextContent);

        // The approve button of the page opened before the return is refused.
        var late = await admin.SubmitAsync(AdminForms.FindForm(stale, "approve")!, review, []);
        Assert.False(late.Redirected);
        Assert.Contains("ほかの人が先に", late.Summary, StringComparison.Ordinal);

        var form = await Html.GetAsync(zeimu, entry);
        Assert.Contains("見込値の根拠を具体的に書いてください。", form.QuerySelector("#returned-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("見込値の根拠を具体的に書いてください。", form.QuerySelector(".review-thread")!.TextContent, StringComparison.Ordinal);
        var resubmitted = await SubmitAsync(zeimu, entry, new() { ["Form.ProjectionBasis"] = "4月から12月の伸び（月0.1ポイント）を3か月分加えた。" });
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.Status);

        var approved = await admin.SubmitAsync(review, "approve", []);
        Assert.True(approved.Redirected, approved.Summary);
        Assert.Equal("承認済", approved.Page.QuerySelector("#report-state")!.TextContent);
        await using var scope = app.Scope(out var db);
        var report = await db.IndicatorReports.Include(r => r.ReviewEvents).SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021));
        Assert.Equal(ReportState.Approved, report.State);
        Assert.NotNull(report.ApprovedAt);
        Assert.Null(report.CorrectedAt);
        Assert.Equal([ReviewAction.Submitted, ReviewAction.Returned, ReviewAction.Submitted, ReviewAction.Approved], report.ReviewEvents.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Equal("DX推進課 管理者", report.ReviewEvents.Single(e => e.Action == ReviewAction.Returned).By);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Publishing_ConfirmsCounts_FreezesApproved_AndACorrectionIsShownPubliclyWithItsDate(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await Entry.EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var zeimu = await app.SignedInClientAsync("zeimu");
        var admin = await app.SignedInClientAsync("dx-admin");
        var anonymous = app.CreateClient();
        var entry = $"/entry/{cycleId}/{indicatorId}";
        var review = $"/admin/cycles/{cycleId}/reports/{indicatorId}";
        await SubmitAsync(zeimu, entry, Complete);
        await admin.SubmitAsync(review, "approve", []);

        await Step(admin, cycleId, "Submitted", confirmed: true);
        var confirm = (await Html.ParseAsync(await Step(admin, cycleId, "Published", confirmed: false))).GetElementById("state-confirmation")!.TextContent;
        Assert.Contains("承認済みの報告 1件", confirm, StringComparison.Ordinal);
        Assert.Contains("承認されていない報告 41件", confirm, StringComparison.Ordinal);
        await Step(admin, cycleId, "Published", confirmed: true);
        var details = await Html.GetAsync(anonymous, $"/indicators/{indicatorId}");
        Assert.Contains("62.10%（令和3年12月末現在）", details.Body!.TextContent, StringComparison.Ordinal);

        // Frozen: the department cannot change it, the review page offers only the correction.
        Assert.Contains("公表されています", (await Html.GetAsync(zeimu, entry)).QuerySelector("#read-only")!.TextContent, StringComparison.Ordinal);
        Assert.Null(AdminForms.FindForm(await Html.GetAsync(admin, review), "approve"));

        var noReason = await admin.SubmitAsync(review, "reopen", new() { ["text"] = "" });
        noReason.AssertFieldError("text-reopened", "訂正の理由を入力してください");
        var reopened = await admin.SubmitAsync(review, "reopen", new() { ["text"] = "実績値の集計に誤りがありました。" });
        Assert.True(reopened.Redirected, reopened.Summary);
        details = await Html.GetAsync(anonymous, $"/indicators/{indicatorId}");
        Assert.Contains("令和3年度の値は訂正中です", details.QuerySelector("[data-correction=pending]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("62.10%（令和3年12月末現在）", details.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(zeimu, entry, new() { ["Form.Actual"] = "61.90%（令和3年12月末現在）" })).Status);
        await admin.SubmitAsync(review, "approve", []);
        DateTimeOffset correctedAt;
        await using (var scope = app.Scope(out var db))
        {
            correctedAt = (await db.IndicatorReports.SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021))).CorrectedAt!.Value;
        }

        var on = correctedAt.ToOffset(TimeSpan.FromHours(9));
        details = await Html.GetAsync(anonymous, $"/indicators/{indicatorId}");
        var note = details.QuerySelector("[data-correction=done]")!.TextContent;
        Assert.Contains($"訂正（{on.Year}年{on.Month}月{on.Day}日）", note, StringComparison.Ordinal);
        Assert.Contains("実績値の集計に誤りがありました。", note, StringComparison.Ordinal);
        Assert.Contains("61.90%（令和3年12月末現在）", details.Body!.TextContent, StringComparison.Ordinal);

        using var api = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri($"/api/v1/indicators/{indicatorId}", UriKind.Relative)));
        var year = api.RootElement.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("fiscalYear").GetInt32() == 2021);
        Assert.Equal(on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), year.GetProperty("correctedOn").GetString());
        Assert.Equal("実績値の集計に誤りがありました。", year.GetProperty("correctionReason").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Boards_CountWhatTheDatabaseHolds(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        using var app = new TestApp(provider);
        var (cycleId, indicatorId) = await Entry.EntryTests.OpenCycleAndIndicatorAsync(app, ZeimuIndicator);
        var zeimu = await app.SignedInClientAsync("zeimu");
        var admin = await app.SignedInClientAsync("dx-admin");
        await SubmitAsync(zeimu, $"/entry/{cycleId}/{indicatorId}", Complete);
        var other = await Entry.EntryTests.OpenCycleAndIndicatorAsync(app, "年間用紙使用量");
        using (await admin.PostFormAsync($"/entry/{cycleId}/{other.IndicatorId}", new() { ["Form.Status"] = "入力中です。" }))
        {
        }

        var board = await Html.GetAsync(admin, $"/admin/cycles/{cycleId}");
        var own = await Html.GetAsync(zeimu, "/entry");
        await using var scope = app.Scope(out var db);
        var reports = await db.IndicatorReports.Where(r => r.FiscalYear == new FiscalYear(2021))
            .Select(r => new { r.State, Departments = r.Indicator!.Departments.Select(d => d.Name).ToList() }).ToListAsync();
        foreach (var department in new[] { "税務課", "県警" })
        {
            var row = board.QuerySelector($"#department-counts tr[data-department='{department}']")!;
            foreach (var state in ReportRules.States)
            {
                var expected = reports.Count(r => r.State == state && r.Departments.Contains(department));
                Assert.True(expected.ToString(System.Globalization.CultureInfo.InvariantCulture) == row.QuerySelector($"[data-count={state}]")!.TextContent, $"{department} {state}: {expected}");
            }
        }

        var zeimuReports = reports.Where(r => r.Departments.Contains("税務課")).ToList();
        Assert.Contains(zeimuReports, r => r.State == ReportState.Submitted);
        foreach (var state in ReportRules.States)
        {
            Assert.True(zeimuReports.Count(r => r.State == state).ToString(System.Globalization.CultureInfo.InvariantCulture) == own.QuerySelector($"[data-count={state}]")!.TextContent, $"own {state}: " + string.Join("/", own.QuerySelectorAll("section").Select(x => x.TextContent.Replace("\n", " ", StringComparison.Ordinal))));
        }

        Assert.Equal(zeimuReports.Count, own.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void Rules_WhoMayDoWhatInWhichState()
    {
        var open = new ReportingCycle { Title = "R3", State = PublicationState.Draft };
        var published = new ReportingCycle { Title = "R3", State = PublicationState.Published };
        Assert.True(ReportRules.DepartmentMayEdit(ReportState.NotStarted, open));
        Assert.True(ReportRules.DepartmentMayEdit(ReportState.InProgress, open));
        Assert.True(ReportRules.DepartmentMayEdit(ReportState.Returned, open));
        Assert.False(ReportRules.DepartmentMayEdit(ReportState.Submitted, open));
        Assert.False(ReportRules.DepartmentMayEdit(ReportState.Approved, open));
        Assert.False(ReportRules.DepartmentMayEdit(ReportState.Approved, published));
        Assert.False(ReportRules.DepartmentMayEdit(ReportState.InProgress, published));
        Assert.True(ReportRules.DepartmentMayEdit(ReportState.Returned, published));
        Assert.True(ReportRules.MayDecide(ReportState.Submitted));
        Assert.False(ReportRules.MayDecide(ReportState.Approved));
        Assert.True(ReportRules.MayReopen(ReportState.Approved, published));
        Assert.False(ReportRules.MayReopen(ReportState.Approved, open));
        Assert.Equal("期限を2日過ぎています", ReportRules.DaysLeft(new DateOnly(2026, 5, 30), new DateOnly(2026, 6, 1)));
        Assert.True(ReportRules.IsOverdue(ReportState.Returned, new DateOnly(2026, 5, 30), new DateOnly(2026, 6, 1)));
        Assert.False(ReportRules.IsOverdue(ReportState.Submitted, new DateOnly(2026, 5, 30), new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Submission_WhenTheInterimTargetIsMissed_NeedsTheReasonAndTheCountermeasure()
    {
        var indicator = new Indicator { Name = "件数", Baseline = RecordedValue.From("10件").Value };
        indicator.Targets.Add(new IndicatorTarget { Kind = TargetKind.Interim, FiscalYear = new FiscalYear(2022), Value = RecordedValue.From("100件").Value });
        indicator.Targets.Add(new IndicatorTarget { Kind = TargetKind.Final, FiscalYear = new FiscalYear(2025), Value = RecordedValue.From("200件").Value });
        var report = new IndicatorReport
        {
            FiscalYear = new FiscalYear(2022), Actual = RecordedValue.From("20件").Value, Projection = RecordedValue.From("30件").Value,
            ProjectionBasis = "推計", Status = "実施", Plan = "継続",
        };
        Assert.Equal([nameof(IndicatorReport.MissedReason), nameof(IndicatorReport.Countermeasure)], ReportRules.MissingForSubmission(indicator, report).Select(m => m.Field));

        report.Projection = RecordedValue.From("120件").Value;
        Assert.Empty(ReportRules.MissingForSubmission(indicator, report));
    }

    internal static async Task<(HttpStatusCode Status, AngleSharp.Dom.IDocument Page)> SubmitAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var values = Browsing.FormValues((await Html.GetAsync(client, url)).QuerySelector("main form[method='post']")!);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var response = await client.PostAsync(new Uri(url + "?handler=submit", UriKind.Relative), new FormUrlEncodedContent(values));
        return (response.StatusCode, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<string> Step(HttpClient admin, int cycleId, string to, bool confirmed)
    {
        var page = await Html.GetAsync(admin, "/admin/cycles");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var from = to == "Published" ? "Submitted" : "Draft";
        using var response = await admin.PostAsync(new Uri("/admin/cycles?handler=state", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["cycleId"] = cycleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = from,
            ["to"] = to,
            ["confirmed"] = confirmed ? "true" : "false",
        }));
        Assert.Equal(confirmed ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<T> ReportAsync<T>(TestApp app, int indicatorId, Func<IndicatorReport, T> read)
    {
        await using var scope = app.Scope(out var db);
        return read(await db.IndicatorReports.AsNoTracking().SingleAsync(r => r.IndicatorId == indicatorId && r.FiscalYear == new FiscalYear(2021)));
    }
}

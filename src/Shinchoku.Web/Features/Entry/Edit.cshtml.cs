using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Parsing;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;

namespace Shinchoku.Web.Features.Entry;

/// <summary>
/// Entering one KPI's report for a fiscal year open for entry: values are read by Core as they are typed
/// (a value that does not parse is refused with Core's message, the text kept in the field), saving shows the
/// computed marks, and a concurrent save by someone else shows both versions. DataEntry policy, and the
/// indicator must belong to the editor's department (otherwise 403).
/// </summary>
public class EditModel(ShinchokuDb db, Access access) : PageModel
{
    /// <summary>The fields of a report as a department fills them in, in the order of the sheet.</summary>
    public static readonly IReadOnlyList<FieldInfo> Fields =
    [
        new(nameof(ReportForm.Actual), "実績値", "例: 1,234件（令和3年12月末現在）。時点は括弧で添えてください。", false, true),
        new(nameof(ReportForm.Projection), "年度末見込値", "例: 約2,500時間。見込めない場合は「算出不可」などと理由を入力してください。", false, true),
        new(nameof(ReportForm.ProjectionBasis), "見込値の算出根拠", null, true, false),
        new(nameof(ReportForm.Status), "取組状況", null, true, false),
        new(nameof(ReportForm.MissedReason), "中間目標が未達成（未達成見込）となった理由", null, true, false, InterimOnly: true),
        new(nameof(ReportForm.Countermeasure), "未達成の場合、状況改善のために検討している対策", null, true, false, InterimOnly: true),
        new(nameof(ReportForm.Challenges), "取組を行っている上での課題", null, true, false),
        new(nameof(ReportForm.Plan), "今後の取組方針・対策", null, true, false),
        new(nameof(ReportForm.QuestionToExperts), "アドバイザリー会議で専門家に聞きたいこと", null, true, false),
    ];

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    public Indicator Indicator { get; private set; } = null!;

    public ReportingCycle Cycle { get; private set; } = null!;

    public ReportEvaluation? Evaluation { get; private set; }

    public List<string> Warnings { get; private set; } = [];

    public bool Saved { get; private set; }

    /// <summary>When someone else saved first: what is saved now, and who saved it.</summary>
    public ReportForm? Theirs { get; private set; }

    public string? TheirAuthor { get; private set; }

    /// <summary>The problems of the posted form, for the error summary; field ids as the form names them (Form_Actual).</summary>
    public IReadOnlyList<FormError> FormErrors => [.. ModelState
        .Where(m => m.Value!.Errors.Count > 0)
        .SelectMany(m => m.Value!.Errors.Select(e => new FormError(m.Key.Length == 0 ? null : m.Key.Replace('.', '_'), e.ErrorMessage)))];

    public bool HasInterimTarget => Indicator.Targets.Any(t => t.Kind == TargetKind.Interim);

    public async Task<IActionResult> OnGetAsync(int cycleId, int indicatorId, bool saved = false)
    {
        if (await LoadAsync(cycleId, indicatorId) is { } refusal)
        {
            return refusal;
        }

        var report = Indicator.Reports.FirstOrDefault();
        Form = report is null ? new ReportForm { Version = ReportForm.New } : ReportForm.From(report);
        Saved = saved;
        Describe(report);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cycleId, int indicatorId)
    {
        if (await LoadAsync(cycleId, indicatorId) is { } refusal)
        {
            return refusal;
        }

        if (Cycle.State != PublicationState.Draft)
        {
            ModelState.AddModelError(string.Empty, "この年度の入力は締め切られています。修正が必要な場合はDX推進担当にご連絡ください。");
            return Page();
        }

        var actual = RecordedValue.From(Form.Actual);
        var projection = RecordedValue.From(Form.Projection);
        AddErrors(nameof(ReportForm.Actual), actual.Parse);
        AddErrors(nameof(ReportForm.Projection), projection.Parse);
        if (!ModelState.IsValid)
        {
            Describe(Indicator.Reports.FirstOrDefault());
            return Page();
        }

        var report = Indicator.Reports.FirstOrDefault();
        if (report is null)
        {
            if (Form.Version != ReportForm.New)
            {
                ModelState.AddModelError(string.Empty, "保存されていた内容が見つかりません。画面を開き直してから入力してください（入力した内容は下に残っています）。");
                return Page();
            }

            report = new IndicatorReport { IndicatorId = Indicator.Id, FiscalYear = Cycle.FiscalYear };
            db.IndicatorReports.Add(report);
        }
        else if (Form.Version == ReportForm.New)
        {
            // Someone created the report while this form was open.
            return await ConflictAsync(report);
        }
        else
        {
            db.Entry(report).Property(r => r.Version).OriginalValue = Form.Version;
        }

        Form.ApplyTo(report, actual.Value, projection.Value, HasInterimTarget);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(report).ReloadAsync();
            return await ConflictAsync(report);
        }
        catch (DbUpdateException) when (report.Id == 0)
        {
            // The unique (indicator, fiscal year) index: another editor created the report first.
            db.Entry(report).State = EntityState.Detached;
            var current = await db.IndicatorReports.AsNoTracking().FirstAsync(r => r.IndicatorId == Indicator.Id && r.FiscalYear == Cycle.FiscalYear);
            return await ConflictAsync(current);
        }

        return RedirectToPage(new { cycleId, indicatorId, saved = true });
    }

    private async Task<IActionResult> ConflictAsync(IndicatorReport current)
    {
        Theirs = ReportForm.From(current);
        TheirAuthor = await db.AuditEntries
            .Where(a => a.Entity == nameof(IndicatorReport) && a.EntityId == current.Id)
            .OrderByDescending(a => a.Id)
            .Select(a => a.User)
            .FirstOrDefaultAsync();

        // The form keeps what this user typed, now based on the saved version: saving again overwrites theirs knowingly.
        Form.Version = current.Version;
        ModelState.Clear();
        Describe(current);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int cycleId, int indicatorId)
    {
        var cycle = await db.ReportingCycles.Include(c => c.Plan).FirstOrDefaultAsync(c => c.Id == cycleId);
        var indicator = cycle is null ? null : await db.Indicators
            .Include(i => i.Initiative)
            .Include(i => i.Departments)
            .Include(i => i.Targets)
            .Include(i => i.Reports.Where(r => r.FiscalYear == cycle.FiscalYear)).ThenInclude(r => r.Overrides)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == indicatorId && i.Initiative!.PlanId == cycle.PlanId);
        if (cycle is null || indicator is null)
        {
            return NotFound();
        }

        if (!await access.MayEditAsync(User, indicator))
        {
            return Forbid();
        }

        Cycle = cycle;
        Indicator = indicator;
        return null;
    }

    private void AddErrors(string field, ParseResult<Core.Values.KpiValue> result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", error.Message);
        }
    }

    private void Describe(IndicatorReport? report)
    {
        if (report is null)
        {
            return;
        }

        Evaluation = ReportEvaluation.Of(Indicator, report);
        foreach (var text in new[] { report.Actual.Text, report.Projection.Text })
        {
            Warnings.AddRange(Core.Values.KpiValue.Parse(text).Warnings.Select(w => w.Message));
        }
    }

    /// <summary>A field of the form: its name, label, hint, whether multi-line, and whether Core reads it as a value.</summary>
    public sealed record FieldInfo(string Name, string Label, string? Hint, bool Multiline, bool IsValue, bool InterimOnly = false);
}

/// <summary>What a department types into the entry form, kept as typed.</summary>
public sealed class ReportForm
{
    /// <summary>The version of a report not yet created.</summary>
    public const int New = -1;

    public string? Actual { get; set; }

    public string? Projection { get; set; }

    public string? ProjectionBasis { get; set; }

    public string? Status { get; set; }

    public string? MissedReason { get; set; }

    public string? Countermeasure { get; set; }

    public string? Challenges { get; set; }

    public string? Plan { get; set; }

    public string? QuestionToExperts { get; set; }

    /// <summary>The version of the report the form was opened on.</summary>
    public int Version { get; set; }

    public string? this[string field] => field switch
    {
        nameof(Actual) => Actual,
        nameof(Projection) => Projection,
        nameof(ProjectionBasis) => ProjectionBasis,
        nameof(Status) => Status,
        nameof(MissedReason) => MissedReason,
        nameof(Countermeasure) => Countermeasure,
        nameof(Challenges) => Challenges,
        nameof(Plan) => Plan,
        nameof(QuestionToExperts) => QuestionToExperts,
        _ => null,
    };

    public static ReportForm From(IndicatorReport report) => new()
    {
        Actual = report.Actual.Text,
        Projection = report.Projection.Text,
        ProjectionBasis = report.ProjectionBasis,
        Status = report.Status,
        MissedReason = report.MissedReason,
        Countermeasure = report.Countermeasure,
        Challenges = report.Challenges,
        Plan = report.Plan,
        QuestionToExperts = report.QuestionToExperts,
        Version = report.Version,
    };

    public void ApplyTo(IndicatorReport report, RecordedValue actual, RecordedValue projection, bool hasInterimTarget)
    {
        if (report.Actual.Text != actual.Text)
        {
            report.Actual = actual;
        }

        if (report.Projection.Text != projection.Text)
        {
            report.Projection = projection;
        }

        report.ProjectionBasis = Clean(ProjectionBasis);
        report.Status = Clean(Status);
        if (hasInterimTarget)
        {
            report.MissedReason = Clean(MissedReason);
            report.Countermeasure = Clean(Countermeasure);
        }

        report.Challenges = Clean(Challenges);
        report.Plan = Clean(Plan);
        report.QuestionToExperts = Clean(QuestionToExperts);
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

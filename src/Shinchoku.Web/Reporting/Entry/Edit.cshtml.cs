using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Projections;
using YearField = Shinchoku.Core.Rules.YearField;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Entry;

/// <summary>
/// Entering one KPI's requested report for a fiscal year: values are read by Core as they are typed
/// (a value that does not parse is refused with Core's message, the text kept in the field), saving shows the
/// computed marks (未着手 → 入力中), 提出する checks every required item first, and a concurrent save by someone
/// else shows both versions. Submitted and approved reports are read-only; the DX office's comments and return
/// reasons are shown. DataEntry policy, and the indicator must belong to the editor's department (otherwise 403).
/// </summary>
public class EditModel(ShinchokuDb db, Access access, ReportReview review) : PageModel
{
    /// <summary>The fields of a report as a department fills them in, in the order of the sheet.</summary>
    public static readonly IReadOnlyList<FieldInfo> Fields =
    [
        new(nameof(ReportForm.Actual), "実績値", "例: 1,234件（令和3年12月末現在）。時点は括弧で添えてください。", false, true, RequiredToSubmit: true),
        new(nameof(ReportForm.Projection), "年度末見込値", "例: 約2,500時間。見込めない場合は「算出不可」などと理由を入力してください。", false, true, RequiredToSubmit: true),
        new(nameof(ReportForm.ProjectionBasis), "見込値の算出根拠", null, true, false, RequiredToSubmit: true),
        new(nameof(ReportForm.Status), "取組状況", null, true, false, RequiredToSubmit: true),
        new(nameof(ReportForm.MissedReason), "中間目標が未達成（未達成見込）となった理由", "中間目標に届かない（届かない見込みの）場合は、提出時に必須です。", true, false, InterimOnly: true),
        new(nameof(ReportForm.Countermeasure), "未達成の場合、状況改善のために検討している対策", "中間目標に届かない（届かない見込みの）場合は、提出時に必須です。", true, false, InterimOnly: true),
        new(nameof(ReportForm.Challenges), "取組を行っている上での課題", null, true, false),
        new(nameof(ReportForm.Plan), "今後の取組方針・対策", null, true, false, RequiredToSubmit: true),
        new(nameof(ReportForm.QuestionToExperts), "アドバイザリー会議で専門家に聞きたいこと", null, true, false),
    ];

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    public Indicator Indicator { get; private set; } = null!;

    public ReportingCycle Cycle { get; private set; } = null!;

    public IndicatorYear? Evaluation { get; private set; }

    public List<string> Warnings { get; private set; } = [];

    public bool Saved { get; private set; }

    public bool Submitted { get; private set; }

    /// <summary>The report requested for the cycle's year.</summary>
    public IndicatorReport Report { get; private set; } = null!;

    /// <summary>Why the department may not change the report now, or null when it may.</summary>
    public string? ReadOnlyReason => ReportRules.Change(ReportChannel.EntryForm, Report.State, Cycle).Why;

    /// <summary>True when 提出する was refused for missing items (what was typed is saved).</summary>
    public bool SubmitRefused { get; private set; }

    /// <summary>When someone else saved first: what is saved now, and who saved it.</summary>
    public ReportForm? Theirs { get; private set; }

    public string? TheirAuthor { get; private set; }

    /// <summary>The problems of the posted form in the order of the fields, for the error summary; field ids as the form names them (Form_Actual).</summary>
    public IReadOnlyList<FormError> FormErrors => [.. ModelState
        .Where(m => m.Value!.Errors.Count > 0)
        .OrderBy(m => Fields.ToList().FindIndex(f => m.Key == $"{nameof(Form)}.{f.Name}"))
        .SelectMany(m => m.Value!.Errors.Select(e => new FormError(m.Key.Length == 0 ? null : m.Key.Replace('.', '_'), e.ErrorMessage)))];

    public bool HasInterimTarget => Indicator.HasInterimTarget;

    /// <summary>Last year's report and the department's requested KPIs before and after this one.</summary>
    public ReportSurroundings Around { get; private set; } = null!;

    /// <summary>After 「前年度から写す」: what was copied into the form (not saved yet).</summary>
    public string? Copied { get; private set; }

    /// <summary>The projections offered from the actual in the form, each with the marks it would give (<see cref="ProjectionOffers"/>).</summary>
    public IReadOnlyList<(ProjectionOffer Offer, IndicatorYear Year)> Offers { get; private set; } = [];

    /// <summary>The methods not offered for the actual in the form, and why.</summary>
    public IReadOnlyList<ProjectionRefusal> Refused { get; private set; } = [];

    /// <summary>True when the marks shown are of the values typed, not yet saved (the preview, or a form sent back with errors).</summary>
    public bool IsPreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, int indicatorId, bool saved = false, bool submitted = false)
    {
        if (await LoadAsync(cycleId, indicatorId) is { } refusal)
        {
            return refusal;
        }

        Form = ReportForm.From(Report);
        Saved = saved;
        Submitted = submitted;
        Describe(Report);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int cycleId, int indicatorId) => SaveAsync(cycleId, indicatorId, submit: false);

    /// <summary>
    /// 「前年度から写す」: fills the narratives the editor has left empty with last year's, keeping what was typed;
    /// nothing is saved until 保存する (so nothing is audited and the version loaded stays the one checked).
    /// </summary>
    public async Task<IActionResult> OnPostCopyAsync(int cycleId, int indicatorId)
    {
        if (await LoadAsync(cycleId, indicatorId) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        if (ReadOnlyReason is { } why)
        {
            Form = ReportForm.From(Report);
            ModelState.AddModelError(string.Empty, why);
        }
        else
        {
            var copied = Around.LastYear is { } lastYear ? Form.FillFrom(lastYear, HasInterimTarget) : [];
            Copied = copied.Count > 0
                ? $"前年度の「{string.Join("」「", copied)}」を写しました。まだ保存していません。今年度の内容に直してから「保存する」を押してください。"
                : "写せる項目はありませんでした（前年度の報告が空か、すでに入力してある項目は上書きしません）。";
        }

        Describe(Report);
        return Page();
    }

    /// <summary>
    /// 「この見込値を使う」: puts the chosen offer's projection and basis into the form and remembers its method; nothing is
    /// saved until 保存する, where the method is stored only if the projection is still that offer's value.
    /// </summary>
    public async Task<IActionResult> OnPostOfferAsync(int cycleId, int indicatorId, ProjectionMethod offerMethod)
    {
        if (await LoadAsync(cycleId, indicatorId) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        if (ReadOnlyReason is { } why)
        {
            Form = ReportForm.From(Report);
            ModelState.AddModelError(string.Empty, why);
        }
        else if (offerMethod == ProjectionMethod.None)
        {
            // 「候補を計算し直す」 without script: the offers for the actual typed, nothing else changes.
            Copied = "入力した実績値から見込値の候補を計算しました。まだ保存していません。";
        }
        else if (Offered().Find(offerMethod) is { } offer)
        {
            Form.Projection = offer.Value;
            Form.ProjectionBasis = offer.Basis;
            Form.Method = offer.Method;
            Copied = $"「{offer.Method.Label()}」の見込値（{offer.Value}）と算出根拠を入れました。まだ保存していません。内容を確かめて「保存する」を押してください。";
        }
        else
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(ReportForm.Actual)}", "実績値が変わったため、選んだ見込値の候補はもうありません。候補を選び直してください。");
        }

        Describe(Report);
        return Page();
    }

    /// <summary>
    /// The marks the typed actual and projection would give, and the projections offered for the typed actual, without
    /// saving (the entry form's script calls it as the editor types): both sections as HTML. Same authorisation as the page; nothing is written or audited.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync(int cycleId, int indicatorId)
    {
        if (await LoadAsync(cycleId, indicatorId) is { } refusal)
        {
            return refusal;
        }

        IsPreview = true;
        Describe(Report);
        Evaluation = KpiYears.Typed(Indicator, Report, Form.Actual, Form.Projection);
        Warnings.Clear();
        Warnings.AddRange(Evaluation.Messages.Where(w => w.Field is YearField.Actual or YearField.Projection).Select(w => w.Message.Message));
        return Partial("_EntryPreview", this);
    }

    /// <summary>Saves what was typed and submits it when every required item is there; otherwise lists what is missing.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int cycleId, int indicatorId) => SaveAsync(cycleId, indicatorId, submit: true);

    private async Task<IActionResult> SaveAsync(int cycleId, int indicatorId, bool submit)
    {
        if (await LoadAsync(cycleId, indicatorId) is { } refusal)
        {
            return refusal;
        }

        if (ReadOnlyReason is { } why)
        {
            ModelState.AddModelError(string.Empty, why);
            Describe(Report);
            return Page();
        }

        // Read once: the typed values, their errors and the year they make, stored with the report.
        var typed = KpiYears.Typed(Indicator, Report, Form.Actual, Form.Projection);
        AddErrors(nameof(ReportForm.Actual), typed, YearField.Actual);
        AddErrors(nameof(ReportForm.Projection), typed, YearField.Projection);
        foreach (var field in Fields)
        {
            FormText.RefuseControlCharacters(ModelState, $"{nameof(Form)}.{field.Name}", field.Label, Form[field.Name]);
        }

        if (!ModelState.IsValid)
        {
            Describe(Report);
            return Page();
        }

        var report = Report;
        db.SaveOnlyAtVersion(report, Form.Version);
        Form.ApplyTo(report, RecordedValue.Of(typed.Actual), RecordedValue.Of(typed.Projection), HasInterimTarget);
        report.ProjectionMethod = ProjectionMethods.Resolve(Form.Method, Form.Projection, Offered());
        report.Evaluation = typed.ToRecord();
        report.State = ReportRules.Change(ReportChannel.EntryForm, report.State, Cycle).After;

        var missing = submit ? ReportRules.MissingForSubmission(Indicator, report) : [];
        if (submit && missing.Count == 0)
        {
            // The values and the submission are saved together, or not at all.
            return await review.RecordAsync(report, Form.Version, ReviewAction.Submitted, "", User, Cycle)
                ? RedirectToPage(new { cycleId, indicatorId, submitted = true })
                : await ConflictAsync(await db.IndicatorReports.AsNoTracking().FirstAsync(r => r.Id == report.Id));
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Read afresh: reloading the tracked report would keep this form's owned values (実績値, 見込値) in place of theirs.
            db.ChangeTracker.Clear();
            return await ConflictAsync(await db.IndicatorReports.AsNoTracking().FirstAsync(r => r.Id == report.Id));
        }

        if (missing.Count == 0)
        {
            return RedirectToPage(new { cycleId, indicatorId, saved = true });
        }

        SubmitRefused = true;
        Form.Version = report.Version;
        foreach (var (field, message) in missing)
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        }

        Describe(report);
        return Page();
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
        // Only the KPIs the DX office requested for the year have a report to enter.
        if (await review.FindAsync(cycleId, indicatorId) is not var (cycle, indicator, report))
        {
            return NotFound();
        }

        if (!await access.MayEditAsync(User, indicator))
        {
            return Forbid();
        }

        Cycle = cycle;
        Indicator = indicator;
        Report = report;
        Around = await ReportSurroundings.LoadAsync(db, await access.EditableAsync(User, cycle.PlanId), indicator, cycle);
        return null;
    }

    private void AddErrors(string field, IndicatorYear typed, YearField read)
    {
        foreach (var (_, error) in typed.Messages.Where(m => m.Field == read && m.Message.IsError))
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", error.Message);
        }
    }

    private void Describe(IndicatorReport report)
    {
        Evaluation = KpiYears.Of(Indicator, report);
        Warnings.AddRange(Evaluation.Warnings.Where(w => w.Field is YearField.Actual or YearField.Projection).Select(w => w.Message.Message));
        if (ReadOnlyReason is null)
        {
            var offered = Offered();
            Offers = [.. offered.Offers.Select(o => (o, KpiYears.Typed(Indicator, Report, Form.Actual, o.Value)))];
            Refused = offered.Refused;
        }
    }

    /// <summary>The projections offered for the actual in the form (this year's) and last year's actual.</summary>
    private ProjectionOffers Offered() => ProjectionOffers.For(Cycle.FiscalYear, Form.Actual, Around.LastYear?.Actual.Text);

    /// <summary>A field of the form: its name, label, hint, whether multi-line, and whether Core reads it as a value.</summary>
    public sealed record FieldInfo(string Name, string Label, string? Hint, bool Multiline, bool IsValue, bool InterimOnly = false, bool RequiredToSubmit = false);
}

/// <summary>What a department types into the entry form, kept as typed.</summary>
public sealed class ReportForm
{
    public string? Actual { get; set; }

    public string? Projection { get; set; }

    public string? ProjectionBasis { get; set; }

    public string? Status { get; set; }

    public string? MissedReason { get; set; }

    public string? Countermeasure { get; set; }

    public string? Challenges { get; set; }

    public string? Plan { get; set; }

    public string? QuestionToExperts { get; set; }

    /// <summary>The method of the projection offer chosen (or the one stored); checked against the offers again on save.</summary>
    public ProjectionMethod Method { get; set; }

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
        Method = report.ProjectionMethod,
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

    /// <summary>
    /// Fills the narratives left empty with <paramref name="lastYear"/>'s (the interim ones only for a KPI with an interim
    /// target); returns the labels of what was filled. Values are never copied: last year's actual is not this year's.
    /// </summary>
    public List<string> FillFrom(IndicatorReport lastYear, bool hasInterimTarget)
    {
        var copied = new List<string>();
        foreach (var (field, label) in LastYearView.Narratives)
        {
            var text = LastYearView.Text(lastYear, field);
            if (text.Length == 0 || !string.IsNullOrWhiteSpace(this[field]) || (!hasInterimTarget && LastYearView.InterimOnly.Contains(field)))
            {
                continue;
            }

            switch (field)
            {
                case nameof(ProjectionBasis): ProjectionBasis = text; break;
                case nameof(Status): Status = text; break;
                case nameof(MissedReason): MissedReason = text; break;
                case nameof(Countermeasure): Countermeasure = text; break;
                case nameof(Challenges): Challenges = text; break;
                case nameof(Plan): Plan = text; break;
            }

            copied.Add(label);
        }

        return copied;
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

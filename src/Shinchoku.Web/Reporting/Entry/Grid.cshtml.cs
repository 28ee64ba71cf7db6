using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Projections;
using YearField = Shinchoku.Core.Rules.YearField;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Reporting.Entry;

/// <summary>
/// 「まとめて入力」: the actual, projection and its basis of every requested KPI the editor may enter in one cycle, on
/// one page. Saving is all-or-nothing: every changed row is read by Core (the same path as the entry form) and checked
/// against the version it was loaded at; one error or one row saved meanwhile by someone else saves nothing, and every
/// row keeps what was typed with its own message. Rows saved are audited like the entry form. DataEntry policy; only
/// the editor's own KPIs (the DX office: all) are listed and accepted.
/// </summary>
public class GridModel(ShinchokuDb db, Access access) : PageModel
{
    [BindProperty]
    public List<GridRow> Rows { get; set; } = [];

    public ReportingCycle Cycle { get; private set; } = null!;

    /// <summary>Each row's KPI, report and what to show beside the fields, by indicator id.</summary>
    public Dictionary<int, RowView> Views { get; } = [];

    /// <summary>After a save: how many reports were saved.</summary>
    public int? SavedCount { get; private set; }

    /// <summary>True when the save was refused because another person saved a row first.</summary>
    public bool HasConflict => Views.Values.Any(v => v.Theirs is not null);

    /// <summary>Every row's problems, in the order of the rows, for the error summary.</summary>
    public IReadOnlyList<FormError> Errors => [.. Rows.SelectMany((row, i) => Views.TryGetValue(row.IndicatorId, out var view)
        ? view.Errors.Select(e => new FormError($"Rows_{i}__{e.Field}", $"{view.Indicator.Name}: {e.Message}"))
        : [])];

    public async Task<IActionResult> OnGetAsync(int cycleId, int? saved = null)
    {
        if (await LoadAsync(cycleId) is { } refusal)
        {
            return refusal;
        }

        Rows = [.. Views.Values.Select(v => GridRow.From(v.Indicator.Id, v.Report))];
        SavedCount = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cycleId)
    {
        if (await LoadAsync(cycleId) is { } refusal)
        {
            return refusal;
        }

        if (Rows.Any(r => !Views.ContainsKey(r.IndicatorId)))
        {
            return Forbid();
        }

        var changes = new List<(GridRow Row, RowView View, IndicatorYear Typed)>();
        foreach (var row in Rows)
        {
            var view = Views[row.IndicatorId];
            var report = view.Report;
            if (!row.Differs(report))
            {
                continue;
            }

            if (ReportRules.Change(ReportChannel.EntryForm, report.State, Cycle).Why is { } why)
            {
                view.Errors.Add((nameof(GridRow.Actual), why));
                continue;
            }

            if (row.Version != report.Version)
            {
                await ConflictAsync(row, view);
                continue;
            }

            // Read once, as the entry form does: errors are shown on the row, the year made is stored with the report.
            var typed = KpiYears.Typed(view.Indicator, report, row.Actual, row.Projection);
            foreach (var (field, read) in new[] { (nameof(GridRow.Actual), YearField.Actual), (nameof(GridRow.Projection), YearField.Projection) })
            {
                view.Errors.AddRange(typed.Messages.Where(m => m.Field == read && m.Message.IsError).Select(m => (field, m.Message.Message)));
            }

            foreach (var (field, label, text) in new[] { (nameof(GridRow.Actual), "実績値", row.Actual), (nameof(GridRow.Projection), "年度末見込値", row.Projection), (nameof(GridRow.ProjectionBasis), "見込値の算出根拠", row.ProjectionBasis) })
            {
                var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
                FormText.RefuseControlCharacters(state, field, label, text);
                view.Errors.AddRange(state.Values.SelectMany(v => v.Errors).Select(e => (field, e.ErrorMessage)));
            }

            changes.Add((row, view, typed));
        }

        if (Views.Values.Any(v => v.Errors.Count > 0 || v.Theirs is not null))
        {
            return Refused();
        }

        foreach (var (row, view, typed) in changes)
        {
            var report = view.Report;
            db.SaveOnlyAtVersion(report, row.Version);
            if (report.Actual.Text != typed.Actual.Text)
            {
                report.Actual = RecordedValue.Of(typed.Actual);
            }

            if (report.Projection.Text != typed.Projection.Text)
            {
                report.Projection = RecordedValue.Of(typed.Projection);
            }

            report.ProjectionBasis = GridRow.Clean(row.ProjectionBasis);
            report.ProjectionMethod = ProjectionMethods.Resolve(row.Method, row.Projection, view.Offers(row.Actual, Cycle));
            report.Evaluation = typed.ToRecord();
            report.State = ReportRules.Change(ReportChannel.EntryForm, report.State, Cycle).After;
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone between reading and writing: nothing of this save was written (one transaction).
            db.ChangeTracker.Clear();
            var current = await db.IndicatorReports.AsNoTracking().Include(r => r.Overrides)
                .Where(r => changes.Select(c => c.View.Report.Id).Contains(r.Id)).ToDictionaryAsync(r => r.Id);
            foreach (var (row, view, _) in changes.Where(c => current[c.View.Report.Id].Version != c.Row.Version))
            {
                view.Report = current[view.Report.Id];
                await ConflictAsync(row, view);
            }

            return Refused();
        }

        return RedirectToPage(new { cycleId, saved = changes.Count });
    }

    private PageResult Refused()
    {
        if (HasConflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>The row was saved by someone else since it was loaded: show theirs, keep what was typed, and base it on their version.</summary>
    private async Task ConflictAsync(GridRow row, RowView view)
    {
        view.Theirs = GridRow.From(view.Indicator.Id, view.Report);
        view.TheirAuthor = await db.AuditEntries
            .Where(a => a.Entity == nameof(IndicatorReport) && a.EntityId == view.Report.Id)
            .OrderByDescending(a => a.Id).Select(a => a.User).FirstOrDefaultAsync();
        row.Version = view.Report.Version;
        view.Errors.Add((nameof(GridRow.Actual), $"ほかの方{(view.TheirAuthor is null ? "" : "（" + view.TheirAuthor + "）")}が先にこの成果指標を保存しました。保存されている内容を確かめてください。"));
    }

    private async Task<IActionResult?> LoadAsync(int cycleId)
    {
        if (await db.ReportingCycles.Include(c => c.Plan).FirstOrDefaultAsync(c => c.Id == cycleId) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        var year = cycle.FiscalYear;
        var previous = year.Previous();
        var indicators = await (await access.EditableAsync(User, cycle.PlanId))
            .Where(i => i.Reports.Any(r => r.FiscalYear == year))
            .Include(i => i.Departments).Include(i => i.Targets)
            .Include(i => i.Reports.Where(r => r.FiscalYear == year || r.FiscalYear == previous)).ThenInclude(r => r.Overrides)
            .OrderBy(i => i.Order).ThenBy(i => i.Id).AsSplitQuery().ToListAsync();
        if (indicators.Count == 0)
        {
            return NotFound();
        }

        foreach (var indicator in indicators)
        {
            Views[indicator.Id] = new RowView(indicator, indicator.Reports.Single(r => r.FiscalYear == year), indicator.Reports.FirstOrDefault(r => r.FiscalYear == previous));
        }

        return null;
    }

    /// <summary>A KPI's row: the indicator, its report (theirs after a conflict), last year's report and the row's problems.</summary>
    public sealed class RowView(Indicator indicator, IndicatorReport report, IndicatorReport? lastYear)
    {
        public Indicator Indicator { get; } = indicator;

        public IndicatorReport Report { get; set; } = report;

        public IndicatorReport? LastYear { get; } = lastYear;

        public List<(string Field, string Message)> Errors { get; } = [];

        /// <summary>What is saved now, after someone else saved the row first; null otherwise.</summary>
        public GridRow? Theirs { get; set; }

        public string? TheirAuthor { get; set; }

        /// <summary>The marks saved (read from the stored year).</summary>
        public IndicatorYear Saved => KpiYears.Of(Indicator, Report);

        /// <summary>The projections offered for <paramref name="actual"/> (for storing the method; the entry form shows them).</summary>
        public ProjectionOffers Offers(string? actual, ReportingCycle cycle) => ProjectionOffers.For(cycle.FiscalYear, actual, LastYear?.Actual.Text);

        /// <summary>The messages of one field of the row, or null when it has none.</summary>
        public string? ErrorFor(string field) => Errors.Any(e => e.Field == field)
            ? string.Join(" ", Errors.Where(e => e.Field == field).Select(e => e.Message))
            : null;
    }
}

/// <summary>One row of the grid as typed: the KPI, its values, the projection's method and the version loaded.</summary>
public sealed class GridRow
{
    public int IndicatorId { get; set; }

    public string? Actual { get; set; }

    public string? Projection { get; set; }

    public string? ProjectionBasis { get; set; }

    public ProjectionMethod Method { get; set; }

    public int Version { get; set; }

    public static GridRow From(int indicatorId, IndicatorReport report) => new()
    {
        IndicatorId = indicatorId,
        Actual = report.Actual.Text,
        Projection = report.Projection.Text,
        ProjectionBasis = report.ProjectionBasis,
        Method = report.ProjectionMethod,
        Version = report.Version,
    };

    /// <summary>True when the row says something other than the report (only changed rows are saved and checked).</summary>
    public bool Differs(IndicatorReport report) =>
        Clean(Actual) != report.Actual.Text.Trim() || Clean(Projection) != report.Projection.Text.Trim() || Clean(ProjectionBasis) != report.ProjectionBasis;

    internal static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

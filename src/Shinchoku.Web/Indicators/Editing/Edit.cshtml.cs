using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Direction = Shinchoku.Core.Rules.Direction;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;
using Shinchoku.Core.Values;

namespace Shinchoku.Web.Indicators.Editing;

/// <summary>
/// The DX office edits an indicator's definition: name, unit, desired direction, baseline, targets and
/// departments. Values are read by Core; every change is audited; a concurrent change is refused with the
/// saved values shown and the input kept. DxOffice policy.
/// </summary>
public class EditModel(ShinchokuDb db) : AdminPageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Directions =
    [
        ("", "目標値から判定する"),
        (nameof(Direction.Increase), "増加"),
        (nameof(Direction.Decrease), "減少"),
        (nameof(Direction.Maintain), "維持"),
        (nameof(Direction.ReachState), "状態の達成"),
    ];

    [BindProperty]
    public IndicatorForm Form { get; set; } = new();

    public Indicator Indicator { get; private set; } = null!;

    public List<Department> Departments { get; private set; } = [];

    /// <summary>The initiatives of the indicator's plan, the places it can be moved to.</summary>
    public List<Initiative> Initiatives { get; private set; } = [];

    /// <summary>How many yearly reports the indicator has; an indicator with reports cannot be deleted.</summary>
    public int ReportCount { get; private set; }

    [BindProperty]
    public MoveForm Move { get; set; } = new();

    /// <summary>True when the indicator may be deleted: a draft plan's indicator without reports.</summary>
    public bool Deletable => Indicator.Initiative!.Plan!.Status == Core.Strategy.PlanStatus.Draft && ReportCount == 0;

    /// <summary>Set when someone else saved first: the definition as saved now.</summary>
    public IndicatorForm? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Form = IndicatorForm.From(Indicator);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var name = Required("Form_Name", "成果指標の名称", Form.Name, 500);
        var unit = Optional("Form_Unit", "単位", Form.Unit, 50);
        Direction? direction = string.IsNullOrEmpty(Form.Direction) ? null
            : Enum.TryParse<Direction>(Form.Direction, out var d) && d != Direction.Unknown ? d : null;
        var baseline = ReadValue("Form_Baseline", "基準値", Form.Baseline);
        var baselineYear = ReadYear("Form_BaselineFiscalYear", "基準値の年度", Form.BaselineFiscalYear, required: false);
        var interim = ReadValue("Form_InterimTarget", "中間目標", Form.InterimTarget);
        var interimYear = ReadYear("Form_InterimFiscalYear", "中間目標の年度", Form.InterimFiscalYear, required: !string.IsNullOrWhiteSpace(Form.InterimTarget));
        var final = ReadValue("Form_FinalTarget", "最終目標", Form.FinalTarget);
        var finalYear = ReadYear("Form_FinalFiscalYear", "最終目標の年度", Form.FinalFiscalYear, required: !string.IsNullOrWhiteSpace(Form.FinalTarget));
        var unknownDepartments = Form.DepartmentIds.Except(Departments.Select(x => x.Id)).ToList();
        if (unknownDepartments.Count > 0)
        {
            Fail("Form_Departments", "選択された所管課が見つかりません。画面を開き直してください。");
        }

        if (!IsValid)
        {
            return Page();
        }

        Indicator.Name = name;
        Indicator.Unit = unit is null ? null : new Unit(unit);
        Indicator.Direction = direction;
        if (Indicator.Baseline.Text != baseline.Text)
        {
            Indicator.Baseline = baseline;
        }

        Indicator.BaselineFiscalYear = baselineYear;
        SetTarget(TargetKind.Interim, interim, interimYear);
        SetTarget(TargetKind.Final, final, finalYear);
        Indicator.Departments.RemoveAll(x => !Form.DepartmentIds.Contains(x.Id));
        Indicator.Departments.AddRange(Departments.Where(x => Form.DepartmentIds.Contains(x.Id) && !Indicator.Departments.Contains(x)));

        // The version is checked even when only targets or departments change.
        db.SaveOnlyAtVersion(Indicator, Form.Version);
        if (!await SaveAsync(id))
        {
            return Page();
        }

        return DoneAndRedirect("成果指標を保存しました。", $"/admin/indicators/{id}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var target = Initiatives.FirstOrDefault(i => i.Id == Move.MoveToInitiativeId);
        if (target is null)
        {
            Form = IndicatorForm.From(Indicator);
            Fail("moveToInitiativeId", "移す先の取組を選んでください。");
            return Page();
        }

        if (target.Id == Indicator.InitiativeId)
        {
            return DoneAndRedirect($"成果指標は取組「{target.Title}」のままです。", $"/admin/indicators/{id}");
        }

        var from = Indicator.Initiative!.Title;
        Indicator.InitiativeId = target.Id;
        Indicator.Initiative = target;
        db.SaveOnlyAtVersion(Indicator, Form.Version);
        if (!await SaveAsync(id))
        {
            Form = IndicatorForm.From(Indicator);
            return Page();
        }

        return DoneAndRedirect($"成果指標を取組「{from}」から「{target.Title}」に移しました。", $"/admin/indicators/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!Deletable)
        {
            Form = IndicatorForm.From(Indicator);
            Fail(null, ReportCount > 0
                ? $"この成果指標には進捗状況の報告が{ReportCount}年度分あるため、削除できません。報告は記録として残します。"
                : "削除できるのは策定中の版の成果指標だけです。公開中・改訂前の版の成果指標は、新しい版を作成し、その版で削除してください。");
            return Page();
        }

        var plan = Indicator.Initiative!.Plan!;
        var initiative = Indicator.Initiative;
        db.Entry(Indicator).Property(i => i.Version).OriginalValue = Form.Version;
        db.Indicators.Remove(Indicator);
        if (!await SaveAsync(id))
        {
            Form = IndicatorForm.From(Indicator);
            return Page();
        }

        return DoneAndRedirect($"成果指標「{Indicator.Name}」を{plan.VersionLabel}版から削除しました。", $"/admin/plans/{plan.Key}/initiatives/{initiative.Key}#indicators");
    }

    /// <summary>Saves; false (409, the saved definition shown, the input kept) when someone else changed the indicator since the page was opened.</summary>
    private async Task<bool> SaveAsync(int id)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            Saved = IndicatorForm.From(Indicator);
            Form.Version = Indicator.Version;
            Fail(null, "ほかの方が先にこの成果指標を変更しました。下に保存されている内容を表示しています。確認のうえ、もう一度保存してください（入力した内容はそのまま残っています）。");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return false;
        }
    }

    private void SetTarget(TargetKind kind, RecordedValue value, FiscalYear? year)
    {
        var existing = Indicator.Targets.Where(t => t.Kind == kind).OrderByDescending(t => t.FiscalYear).FirstOrDefault();
        if (value.Text.Length == 0)
        {
            if (existing is not null)
            {
                db.IndicatorTargets.Remove(existing);
            }

            return;
        }

        if (existing is null)
        {
            Indicator.Targets.Add(new IndicatorTarget { Kind = kind, FiscalYear = year!.Value, Value = value });
            return;
        }

        existing.FiscalYear = year!.Value;
        if (existing.Value.Text != value.Text)
        {
            existing.Value = value;
        }
    }

    private RecordedValue ReadValue(string field, string name, string? text)
    {
        var (value, parse) = RecordedValue.From(text);
        foreach (var error in parse.Errors)
        {
            Fail(field, $"{name}: {error.Message}");
        }

        return value;
    }

    private FiscalYear? ReadYear(string field, string name, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Fail(field, $"{name}を入力してください（例: 令和7年度）。");
            }

            return null;
        }

        var parsed = FiscalYear.Parse(text);
        if (!parsed.Success)
        {
            Fail(field, $"{name}: {parsed.Errors.First().Message}");
            return null;
        }

        return parsed.Value;
    }

    private async Task<bool> LoadAsync(int id)
    {
        var indicator = await db.Indicators
            .Include(i => i.Initiative!).ThenInclude(i => i.Plan)
            .Include(i => i.Departments)
            .Include(i => i.Targets)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id);
        if (indicator is null)
        {
            return false;
        }

        Indicator = indicator;
        Initiatives = await db.Initiatives.Where(i => i.PlanId == indicator.Initiative!.PlanId).OrderBy(i => i.Id).ToListAsync();
        ReportCount = await db.IndicatorReports.CountAsync(r => r.IndicatorId == id);
        Departments = await db.Departments.Where(x => x.OrganizationId == indicator.Initiative!.Plan!.OrganizationId).OrderBy(x => x.Name).ToListAsync();
        return true;
    }
}


using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>Every plan, a form to register one, and which one is current. DX office only.</summary>
public partial class PlansModel(ShinchokuDb db) : AdminPageModel
{
    public List<PlanRow> Plans { get; private set; } = [];

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var organization = await db.Organizations.OrderBy(o => o.Id).FirstOrDefaultAsync();
        if (organization is null)
        {
            Fail(null, "団体（都道府県・市町村）が登録されていないため、戦略を登録できません。");
        }

        var plan = await ReadPlanAsync(db, this, Form, except: null);
        if (!IsValid || plan is null)
        {
            await LoadAsync();
            return Page();
        }

        var created = new Plan
        {
            OrganizationId = organization!.Id,
            Key = plan.Key,
            Name = plan.Name,
            VersionLabel = plan.VersionLabel,
            IssuedLabel = plan.IssuedLabel,
            Status = plan.Status,
        };
        if (created.Status == PlanStatus.Current)
        {
            await SupersedeCurrentAsync(db, except: null);
        }

        db.Plans.Add(created);
        await db.SaveChangesAsync();
        return DoneAndRedirect($"「{created.Name}」（{created.VersionLabel}版）を登録しました。続けて体系（項目と主な取組）を登録してください。", $"/admin/plans/{created.Key}");
    }

    public async Task<IActionResult> OnPostCurrentAsync(int planId)
    {
        var plan = await db.Plans.FindAsync(planId);
        if (plan is null)
        {
            return NotFound();
        }

        if (plan.Status != PlanStatus.Current)
        {
            var previous = await SupersedeCurrentAsync(db, except: plan.Id);
            plan.Status = PlanStatus.Current;
            await db.SaveChangesAsync();
            return DoneAndRedirect(
                $"「{plan.Name}」（{plan.VersionLabel}版）を現行の戦略にしました。" + (previous.Count == 0 ? "" : $"「{string.Join("」「", previous.Select(p => p.Name + "（" + p.VersionLabel + "版）"))}」は改訂前になりました。"),
                "/admin/plans");
        }

        return DoneAndRedirect($"「{plan.Name}」は既に現行の戦略です。", "/admin/plans");
    }

    private async Task LoadAsync()
    {
        var plans = await db.Plans.OrderBy(p => p.Status == PlanStatus.Current ? 0 : p.Status == PlanStatus.Draft ? 1 : 2).ThenByDescending(p => p.Id).ToListAsync();
        var nodes = await db.PlanNodes.GroupBy(n => n.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var initiatives = await db.Initiatives.GroupBy(n => n.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var byId = plans.ToDictionary(p => p.Id);
        Plans = plans.ConvertAll(p => new PlanRow(p, nodes.GetValueOrDefault(p.Id), initiatives.GetValueOrDefault(p.Id), p.PredecessorId is { } pid ? byId.GetValueOrDefault(pid) : null));
    }

    /// <summary>Makes every current plan but <paramref name="except"/> superseded; returns them.</summary>
    internal static async Task<List<Plan>> SupersedeCurrentAsync(ShinchokuDb db, int? except)
    {
        var current = await db.Plans.Where(p => p.Status == PlanStatus.Current && p.Id != except).ToListAsync();
        foreach (var p in current)
        {
            p.Status = PlanStatus.Superseded;
        }

        return current;
    }

    /// <summary>
    /// Reads the fields of a plan's form, recording each problem on <paramref name="page"/>; null when a field
    /// could not be read. <paramref name="except"/> is the plan being edited, whose own key is not a duplicate.
    /// </summary>
    internal static async Task<PlanFields?> ReadPlanAsync(ShinchokuDb db, AdminPageModel page, PlanForm form, Plan? except)
    {
        var (name, key, version, issued, status) = (form.Name, form.Key, form.VersionLabel, form.IssuedLabel, form.Status);
        var n = page.Required("name", "戦略の名称", name, 300);
        var k = (key ?? "").Trim();
        if (except is null || except.Key != k)
        {
            if (k.Length == 0)
            {
                page.Fail("key", "キーを入力してください（例: chiba-dx-1.2）。");
            }
            else if (k.Length > 100 || !KeyPattern().IsMatch(k))
            {
                page.Fail("key", $"キー「{k}」には半角の英小文字・数字と - _ . だけを使い、英数字で始めてください（100文字以内、例: chiba-dx-1.2）。");
            }
            else if (await db.Plans.Where(p => p.Key == k).Select(p => p.Name).FirstOrDefaultAsync() is { } other)
            {
                page.Fail("key", $"キー「{k}」は「{other}」で既に使われています。別のキーにしてください。");
            }
        }

        var v = PlanVersion.Parse(version);
        if (!v.Success)
        {
            page.Fail("versionLabel", string.IsNullOrWhiteSpace(version) ? "版を入力してください（例: 1.2版）。" : v.Errors.First().Message);
        }

        var i = page.Optional("issuedLabel", "策定・改訂の時期", issued, 50);
        var s = AdminText.ReadPlanStatus(status);
        if (s is null)
        {
            page.Fail("status", "状態を選んでください。");
        }

        return v.Success && s is not null
            ? new PlanFields(n, k, v.Value.ToString().TrimEnd('版'), i, s.Value)
            : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex KeyPattern();
}

/// <summary>A plan in the list, with the size of its tree and the version it was made from.</summary>
public sealed record PlanRow(Plan Plan, int NodeCount, int InitiativeCount, Plan? Predecessor);

/// <summary>The fields of a plan's form, read.</summary>
internal sealed record PlanFields(string Name, string Key, string VersionLabel, string? IssuedLabel, PlanStatus Status);

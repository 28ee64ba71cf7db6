using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Departments;

/// <summary>The departments (所管課), with a form to add one. DX office only.</summary>
public class DepartmentsModel(ShinchokuDb db) : AdminPageModel
{
    public List<DepartmentRow> Departments { get; private set; } = [];

    [BindProperty]
    public DepartmentForm Form { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var organization = await db.Organizations.OrderBy(o => o.Id).FirstOrDefaultAsync();
        if (organization is null)
        {
            Fail(null, "団体（都道府県・市町村）が登録されていないため、所管課を登録できません。");
        }

        var name = await ReadNameAsync(db, this, Form.Name, organization?.Id ?? 0, except: null);
        if (!IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.Departments.Add(new Department { OrganizationId = organization!.Id, Name = name });
        if (!await TrySaveAsync(db, this, name))
        {
            await LoadAsync();
            return Page();
        }

        return DoneAndRedirect($"所管課「{name}」を登録しました。", "/admin/departments");
    }

    private async Task LoadAsync()
    {
        var departments = await db.Departments.OrderBy(d => d.Name).ToListAsync();
        var indicators = await db.Indicators.SelectMany(i => i.Departments.Select(d => d.Id)).GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var users = await db.Users.Where(u => u.DepartmentId != null).GroupBy(u => u.DepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Departments = departments.ConvertAll(d => new DepartmentRow(d, indicators.GetValueOrDefault(d.Id), users.GetValueOrDefault(d.Id)));
    }

    /// <summary>Reads a department's name: required, at most 100 characters, not the name of another department of the organization.</summary>
    internal static async Task<string> ReadNameAsync(ShinchokuDb db, AdminPageModel page, string? text, int organizationId, Department? except)
    {
        var name = page.Required("name", "所管課の名称", text, 100);
        if (name.Length > 0 && name.Length <= 100)
        {
            // 税務課 and 税務課 written with a full-width space or full-width letters are the same department.
            var folded = Fold(name);
            var names = await db.Departments.Where(d => d.OrganizationId == organizationId && (except == null || d.Id != except.Id)).Select(d => d.Name).ToListAsync();
            if (names.FirstOrDefault(n => Fold(n) == folded) is { } other)
            {
                page.Fail("name", $"所管課「{other}」は既に登録されています。別の名称にしてください。");
            }
        }

        return name;
    }

    /// <summary>Saves; a name taken by someone else at the same moment is reported on the name field.</summary>
    internal static async Task<bool> TrySaveAsync(ShinchokuDb db, AdminPageModel page, string name)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            page.Fail("name", $"所管課「{name}」は、ほかの人が同時に登録しました。別の名称にしてください。");
            return false;
        }
    }

    private static string Fold(string name) =>
        string.Concat(name.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>A department in the list, with how many indicators and users it has.</summary>
public sealed record DepartmentRow(Department Department, int IndicatorCount, int UserCount);

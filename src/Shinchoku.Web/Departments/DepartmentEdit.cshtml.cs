using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Departments;

/// <summary>Renames a department. DX office only.</summary>
public class DepartmentEditModel(ShinchokuDb db) : AdminPageModel
{
    public Department Department { get; private set; } = null!;

    /// <summary>The name another administrator gave the department while this form was open, or null.</summary>
    public string? ConflictName { get; private set; }

    [BindProperty]
    public DepartmentForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int departmentId)
    {
        var department = await db.Departments.FindAsync(departmentId);
        if (department is null)
        {
            return NotFound();
        }

        Department = department;
        Form.Name = Form.Original = department.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int departmentId)
    {
        var department = await db.Departments.FindAsync(departmentId);
        if (department is null)
        {
            return NotFound();
        }

        Department = department;
        if (Form.Original != department.Name)
        {
            ConflictName = department.Name;
            Fail(null, $"この所管課の名称は、この画面を開いたあとでほかの人が「{department.Name}」に変更しました。入力した名称は残してあります。このまま保存すると、入力した名称に変更します。");
            Form.Original = department.Name;
        }

        var name = await DepartmentsModel.ReadNameAsync(db, this, Form.Name, department.OrganizationId, except: department);
        if (!IsValid)
        {
            return Page();
        }

        var old = department.Name;
        department.Name = name;
        if (!await DepartmentsModel.TrySaveAsync(db, this, name))
        {
            return Page();
        }

        return DoneAndRedirect(old == name ? $"所管課「{name}」の名称は変わっていません。" : $"所管課「{old}」の名称を「{name}」に変更しました。", "/admin/departments");
    }
}

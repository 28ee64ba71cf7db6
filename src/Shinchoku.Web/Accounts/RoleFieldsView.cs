using Shinchoku.Web.Departments;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Accounts;

/// <summary>What the role and department partial shows.</summary>
public sealed record RoleFieldsView(AdminPageModel Page, UserForm Form, IReadOnlyList<Department> Departments)
{
    /// <summary>What a role may do, in one line.</summary>
    public static string Explain(string role) => role switch
    {
        Roles.Administrator => "すべての管理と入力、公表ができます。",
        Roles.DepartmentEditor => "担当する所管課の成果指標の進捗だけを入力できます。",
        Roles.Expert => "すべての内容を閲覧し、助言を記録できます。",
        Roles.Viewer => "公表前のものを含め、すべての内容を閲覧できます。",
        _ => "",
    };
}

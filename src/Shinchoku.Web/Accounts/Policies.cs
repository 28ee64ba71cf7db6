namespace Shinchoku.Web.Accounts;

/// <summary>The roles of Shinchoku's users.</summary>
public static class Roles
{
    /// <summary>DX推進部局（DX office）: may do everything.</summary>
    public const string Administrator = "Administrator";

    /// <summary>所管課の入力担当: enters its own department's KPIs only.</summary>
    public const string DepartmentEditor = "DepartmentEditor";

    /// <summary>有識者（advisory council expert）: reads everything internal, writes advice.</summary>
    public const string Expert = "Expert";

    /// <summary>閲覧者: reads everything internal.</summary>
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, DepartmentEditor, Expert, Viewer];

    /// <summary>The role's name in Japanese.</summary>
    public static string Describe(string role) => role switch
    {
        Administrator => "DX推進担当（管理者）",
        DepartmentEditor => "所管課 入力担当",
        Expert => "有識者",
        Viewer => "閲覧者",
        _ => role,
    };
}

/// <summary>The authorization policies every page and endpoint names.</summary>
public static class Policies
{
    /// <summary>Any signed-in user (staff, experts, viewers).</summary>
    public const string Staff = "Staff";

    /// <summary>Department editors and the DX office: may enter KPI data (their own department's, for editors).</summary>
    public const string DataEntry = "DataEntry";

    /// <summary>The DX office only: administration, imports, publication, overrides.</summary>
    public const string DxOffice = "DxOffice";
}

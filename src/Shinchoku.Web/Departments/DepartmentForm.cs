namespace Shinchoku.Web.Departments;

/// <summary>A department's form as typed: its name, and when renaming, the name the form was filled with (to notice a rename by someone else).</summary>
public sealed class DepartmentForm
{
    public string? Name { get; set; }

    public string? Original { get; set; }
}

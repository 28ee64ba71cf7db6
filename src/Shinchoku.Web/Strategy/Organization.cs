using Shinchoku.Core.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Strategy;

/// <summary>A prefecture or municipality that runs its strategy in Shinchoku.</summary>
public class Organization
{
    public int Id { get; set; }

    /// <summary>千葉県.</summary>
    public required string Name { get; set; }

    /// <summary>全国地方公共団体コード, six digits with check digit (120006).</summary>
    public required string Code { get; set; }

    public List<Plan> Plans { get; } = [];

    public List<Department> Departments { get; } = [];
}

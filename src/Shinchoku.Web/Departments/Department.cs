using Shinchoku.Core.Strategy;
using Shinchoku.Web.Strategy;

namespace Shinchoku.Web.Departments;

/// <summary>A department (所管課) that owns the reporting of indicators.</summary>
public class Department
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Name { get; set; }
}

namespace Shinchoku.Web.Organizations;

/// <summary>An organisation's identity as typed on /admin/organizations/{code}, with the version the form was opened on.</summary>
public sealed class OrganizationForm
{
    public string? Name { get; set; }

    public string? EmblemPath { get; set; }

    public string? ContactDepartment { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactAddress { get; set; }

    public string? AccessibilityTarget { get; set; }

    public string? AccessibilityPolicy { get; set; }

    public string? PrivacyPolicy { get; set; }

    public int Version { get; set; }
}

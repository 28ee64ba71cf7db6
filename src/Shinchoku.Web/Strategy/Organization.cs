using Shinchoku.Core.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Strategy;

/// <summary>
/// A prefecture or municipality that runs its strategy in Shinchoku, with the identity its public pages show: name,
/// emblem, contact, accessibility policy and privacy notice (edited by the DX office on /admin/organizations).
/// </summary>
public class Organization : Data.IVersioned
{
    public int Id { get; set; }

    /// <summary>千葉県.</summary>
    public required string Name { get; set; }

    /// <summary>全国地方公共団体コード, six digits with check digit (120006).</summary>
    public required string Code { get; set; }

    /// <summary>The path of the emblem image on this site (/images/emblem.svg); empty: no emblem.</summary>
    public string EmblemPath { get; set; } = "";

    /// <summary>The department to contact about the site (千葉県総務部デジタル改革推進局 …).</summary>
    public string ContactDepartment { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string ContactAddress { get; set; } = "";

    /// <summary>The conformance target of the accessibility policy (JIS X 8341-3:2016 適合レベルAA準拠 …).</summary>
    public string AccessibilityTarget { get; set; } = "";

    /// <summary>The rest of the ウェブアクセシビリティ方針, as paragraphs separated by blank lines.</summary>
    public string AccessibilityPolicy { get; set; } = "";

    /// <summary>個人情報の取扱い, as paragraphs separated by blank lines.</summary>
    public string PrivacyPolicy { get; set; } = "";

    public int Version { get; set; }

    /// <summary>The longest one-line field (name, emblem path, contact, conformance target), in characters.</summary>
    public const int LineMaxLength = 300;

    /// <summary>The longest policy text, in characters.</summary>
    public const int TextMaxLength = 20000;

    public List<Plan> Plans { get; } = [];

    public List<Department> Departments { get; } = [];
}

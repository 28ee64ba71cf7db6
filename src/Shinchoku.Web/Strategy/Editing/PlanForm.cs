using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>
/// A plan's form as typed: registering one (name, key, version, issue, status), changing one (also its texts), or
/// making its next version (name, key, version, issue). Posted without a prefix (name, key, versionLabel …).
/// </summary>
public sealed class PlanForm
{
    public string? Name { get; set; }

    public string? Key { get; set; }

    public string? VersionLabel { get; set; }

    public string? IssuedLabel { get; set; }

    /// <summary>The status's English name (Draft, Current, Superseded); a new plan starts as a draft.</summary>
    public string? Status { get; set; } = nameof(PlanStatus.Draft);

    /// <summary>戦略の趣旨.</summary>
    public string? Purpose { get; set; }

    /// <summary>戦略の推進と見直し.</summary>
    public string? Maintenance { get; set; }

    /// <summary>The fingerprint of the plan as the form was filled (<see cref="Shared.EditStamp"/>).</summary>
    public string? Stamp { get; set; }
}

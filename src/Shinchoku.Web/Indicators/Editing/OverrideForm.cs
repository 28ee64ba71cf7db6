using Shinchoku.Core.Rules;

namespace Shinchoku.Web.Indicators.Editing;

/// <summary>The form that overrides a year's computed marks, as typed: the kind, the marks, the reason, and the report's version.</summary>
public sealed class OverrideForm
{
    /// <summary>The <see cref="OverrideKind"/>'s name: Marks, Unknown or Suspended.</summary>
    public string Kind { get; set; } = nameof(OverrideKind.Marks);

    /// <summary>The <see cref="Core.Rules.Trend"/>'s name, or empty to keep the computed trend.</summary>
    public string? Trend { get; set; }

    /// <summary>The <see cref="Core.Rules.Rating"/>'s name, or empty to keep the computed rating.</summary>
    public string? Rating { get; set; }

    /// <summary>"reached", "missed", or empty to keep the computed mark.</summary>
    public string? Interim { get; set; }

    public string? Reason { get; set; }

    /// <summary>The version of the report the page was opened on; a change saved since refuses this one.</summary>
    public int Version { get; set; }
}

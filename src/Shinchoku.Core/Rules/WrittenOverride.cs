namespace Shinchoku.Core.Rules;

/// <summary>
/// An override as stored, withdrawn or not, before it is checked: <see cref="RatingOverride"/> refuses one without
/// a reason, and a stored one that no longer passes is left out of the marks shown with a message, not thrown.
/// </summary>
/// <param name="Kind">Marks, unknown, or suspended.</param>
/// <param name="Reason">Why the computed marks were not used.</param>
/// <param name="By">Who set it.</param>
/// <param name="At">When it was set.</param>
/// <param name="Trend">The trend set, or null to keep the computed one.</param>
/// <param name="Rating">The rating set, or null to keep the computed one.</param>
/// <param name="InterimReached">The interim mark set, or null to keep the computed one.</param>
/// <param name="IsActive">False once withdrawn.</param>
public sealed record WrittenOverride(OverrideKind Kind, string Reason, string By, DateTimeOffset At,
    Trend? Trend = null, Rating? Rating = null, bool? InterimReached = null, bool IsActive = true);

namespace Shinchoku.Core.Projections;

/// <summary>
/// One projection offered from the actual: the value as the report would write it (87,721人), the basis written out
/// for 見込値の算出根拠, and a caution for the editor when the method suits only some KPIs.
/// </summary>
public sealed record ProjectionOffer(ProjectionMethod Method, string Value, string Basis, string? Caution = null);

/// <summary>A method that could not be offered, and why, in words for the editor.</summary>
public sealed record ProjectionRefusal(ProjectionMethod Method, string Reason);

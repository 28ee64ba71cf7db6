using Shinchoku.Core.Time;

namespace Shinchoku.Core.Rules;

/// <summary>The targets a year's report is measured against: the interim target in force that year and the final target.</summary>
/// <param name="Interim">The interim target in force, or null when the indicator has none.</param>
/// <param name="Final">The final target, or null when the indicator has none.</param>
public sealed record TargetsInForce(WrittenTarget? Interim, WrittenTarget? Final)
{
    /// <summary>No targets.</summary>
    public static TargetsInForce None { get; } = new(null, null);

    /// <summary>
    /// The targets in force for <paramref name="fiscalYear"/>: the first interim target due in or after that year
    /// (once every interim target is past, the last one), and the final target due last. This is the one place the
    /// rule is written; the rating, the 資料4 export's year headings and the import all ask it.
    /// </summary>
    public static TargetsInForce For(IEnumerable<WrittenTarget> targets, FiscalYear fiscalYear)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var all = targets as IReadOnlyCollection<WrittenTarget> ?? [.. targets];
        var interim = all.Where(t => t.Kind == TargetKind.Interim && t.FiscalYear >= fiscalYear).MinBy(t => t.FiscalYear)
            ?? all.Where(t => t.Kind == TargetKind.Interim).MaxBy(t => t.FiscalYear);
        var final = all.Where(t => t.Kind == TargetKind.Final).MaxBy(t => t.FiscalYear);
        return new TargetsInForce(interim, final);
    }
}

using Shinchoku.Core.Time;

namespace Shinchoku.Core.Rules;

/// <summary>A target of an indicator as written: interim or final, the fiscal year by which it is to be reached, the text.</summary>
/// <param name="Kind">Interim or final.</param>
/// <param name="FiscalYear">The fiscal year by which it is to be reached; null where a sheet's heading does not say.</param>
/// <param name="Text">The target as written (3,000時間, 増加を目指します。, 全施設公開).</param>
public sealed record WrittenTarget(TargetKind Kind, FiscalYear? FiscalYear, string Text);

namespace Shinchoku.Core.Rules;

/// <summary>Interim (中間目標) or final (最終目標) target.</summary>
public enum TargetKind
{
    /// <summary>中間目標: printed in 資料4-1 with ○/× for whether it was reached.</summary>
    Interim,

    /// <summary>最終目標: what progress is measured against.</summary>
    Final,
}

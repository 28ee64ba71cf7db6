namespace Shinchoku.Core.Rules;

/// <summary>What a message of an <see cref="IndicatorYear"/> is about, in the order the report prints it.</summary>
public enum YearField
{
    /// <summary>基準値.</summary>
    Baseline,

    /// <summary>実績値.</summary>
    Actual,

    /// <summary>見込値.</summary>
    Projection,

    /// <summary>中間目標.</summary>
    InterimTarget,

    /// <summary>最終目標.</summary>
    FinalTarget,

    /// <summary>The printed 進捗 (arrow).</summary>
    PrintedTrend,

    /// <summary>The printed 進捗率.</summary>
    PrintedRating,

    /// <summary>The printed 中間目標到達.</summary>
    PrintedInterim,

    /// <summary>A person's override of the marks.</summary>
    Override,
}

/// <summary>A warning or an error about one field of a KPI's year, in Japanese.</summary>
/// <param name="Field">What it is about.</param>
/// <param name="Message">The message, with its severity.</param>
public readonly record struct YearMessage(YearField Field, Parsing.ParseMessage Message)
{
    /// <summary>The field's name as the report heads it (実績値, 進捗率 …).</summary>
    public static string Label(YearField field) => field switch
    {
        YearField.Baseline => "基準値",
        YearField.Actual => "実績値",
        YearField.Projection => "見込値",
        YearField.InterimTarget => "中間目標",
        YearField.FinalTarget => "最終目標",
        YearField.PrintedTrend => "進捗（矢印）",
        YearField.PrintedRating => "進捗率",
        YearField.PrintedInterim => "中間目標到達",
        YearField.Override => "評価の変更",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}

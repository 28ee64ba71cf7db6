namespace Shinchoku.Core.Rules;

/// <summary>The mark cells as printed in the sheet a report came from; empty where nothing was printed.</summary>
/// <param name="Trend">進捗 (↗, (↗), 不明 …).</param>
/// <param name="Rating">進捗率 (◎ ○ △ ー ×, 不明 …; 資料4-2/4-3).</param>
/// <param name="Interim">中間目標到達 (○ ×; 資料4-1).</param>
public sealed record WrittenMarks(string? Trend, string? Rating, string? Interim)
{
    /// <summary>Nothing printed.</summary>
    public static WrittenMarks None { get; } = new(null, null, null);

    /// <summary>True when no cell has anything but white space.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Trend) && string.IsNullOrWhiteSpace(Rating) && string.IsNullOrWhiteSpace(Interim);
}

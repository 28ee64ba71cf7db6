using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Rules;

/// <summary>What a printed mark cell says.</summary>
public enum PrintedMarkKind
{
    /// <summary>Nothing printed.</summary>
    Blank,

    /// <summary>A mark: an arrow, a rating glyph or ○/× for the interim target.</summary>
    Mark,

    /// <summary>不明.</summary>
    Unknown,

    /// <summary>進捗管理の停止.</summary>
    Suspended,
}

/// <summary>
/// The marks printed in a sheet for one row, read as people print them: an arrow, (↗) when read from the
/// actual, any dash variant as ー, ○ and × for the interim target, 不明, 進捗管理の停止, or blank.
/// </summary>
public sealed record PrintedMarks
{
    /// <summary>What the trend cell says.</summary>
    public PrintedMarkKind TrendKind { get; init; }

    /// <summary>The printed arrow, when <see cref="TrendKind"/> is a mark.</summary>
    public Trend? Trend { get; init; }

    /// <summary>True when the arrow is printed in parentheses: (↗).</summary>
    public bool FromActual { get; init; }

    /// <summary>What the rating cell says (資料4-2/4-3).</summary>
    public PrintedMarkKind RatingKind { get; init; }

    /// <summary>The printed rating, when <see cref="RatingKind"/> is a mark.</summary>
    public Rating? Rating { get; init; }

    /// <summary>What the interim-target cell says (資料4-1).</summary>
    public PrintedMarkKind InterimKind { get; init; }

    /// <summary>The printed interim mark: true for ○, false for ×.</summary>
    public bool? InterimReached { get; init; }

    /// <summary>Reads the printed cells; a cell that is none of the known marks is an error naming it.</summary>
    public static ParseResult<PrintedMarks> Parse(string? trend, string? rating, string? interim = null)
    {
        var errors = new List<ParseMessage>();
        var trendKind = ReadKind(trend, out var trendText);
        Trend? arrow = null;
        var fromActual = false;
        if (trendKind == PrintedMarkKind.Mark)
        {
            var inner = trendText;
            if (inner.Length >= 2 && inner[0] == '(' && inner[^1] == ')')
            {
                fromActual = true;
                inner = inner[1..^1].Trim();
            }

            arrow = inner switch
            {
                "↗" or "⇗" or "➚" or "↑" or "⤴" => Rules.Trend.Improved,
                "→" or "⇒" or "➡" or "⇨" => Rules.Trend.Unchanged,
                "↘" or "⇘" or "➘" or "↓" or "⤵" => Rules.Trend.Worsened,
                _ => null,
            };
            if (arrow is null)
            {
                errors.Add(ParseMessage.Error(ParseProblem.Unrecognised, $"進捗（矢印）の「{trend?.Trim()}」は ↗ → ↘ のいずれでもありません。"));
            }
        }

        var ratingKind = ReadKind(rating, out var ratingText);
        Rating? mark = null;
        if (ratingKind == PrintedMarkKind.Mark)
        {
            mark = ratingText switch
            {
                "◎" => Rules.Rating.Achieved,
                "○" or "〇" or "◯" or "o" or "O" => Rules.Rating.HalfOrMore,
                "△" => Rules.Rating.BelowHalf,
                "×" or "✕" or "✖" or "x" or "X" or "☓" => Rules.Rating.Declined,
                _ when ratingText.Length == 1 && JapaneseText.IsDash(ratingText[0]) => Rules.Rating.NoChange,
                _ => null,
            };
            if (mark is null)
            {
                errors.Add(ParseMessage.Error(ParseProblem.Unrecognised, $"進捗率の「{rating?.Trim()}」は ◎ ○ △ ー × のいずれでもありません。"));
            }
        }

        var interimKind = ReadKind(interim, out var interimText);
        bool? reached = null;
        if (interimKind == PrintedMarkKind.Mark)
        {
            reached = interimText switch
            {
                "○" or "〇" or "◯" or "◎" or "o" or "O" => true,
                "×" or "✕" or "✖" or "x" or "X" or "☓" => false,
                _ => null,
            };
            if (reached is null)
            {
                errors.Add(ParseMessage.Error(ParseProblem.Unrecognised, $"中間目標到達の「{interim?.Trim()}」は ○ × のいずれでもありません。"));
            }
        }

        if (errors.Count > 0)
        {
            return ParseResult<PrintedMarks>.Fail(errors);
        }

        return ParseResult<PrintedMarks>.Ok(new PrintedMarks
        {
            TrendKind = trendKind,
            Trend = arrow,
            FromActual = fromActual,
            RatingKind = ratingKind,
            Rating = mark,
            InterimKind = interimKind,
            InterimReached = reached,
        });
    }

    private static PrintedMarkKind ReadKind(string? text, out string folded)
    {
        folded = JapaneseText.Fold(text ?? string.Empty);
        if (folded.Length == 0)
        {
            return PrintedMarkKind.Blank;
        }

        if (folded.Contains("不明", StringComparison.Ordinal))
        {
            return PrintedMarkKind.Unknown;
        }

        return folded.Contains("停止", StringComparison.Ordinal) ? PrintedMarkKind.Suspended : PrintedMarkKind.Mark;
    }
}

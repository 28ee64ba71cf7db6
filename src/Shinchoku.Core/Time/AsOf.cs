using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Time;

/// <summary>
/// An as-of note written beside a KPI value (時点の注記), e.g. （令和2年12月末現在）, (H30実績) or
/// （平成30年度～令和2年12月累計）: the period the value refers to, an optional range start, whether 末 was written,
/// and the word after it. Immutable. Two notes are equal when they say the same thing; <see cref="Text"/>, the text
/// as written, is not compared, so (令和2年12月末現在) equals （令和２年１２月末現在）.
/// </summary>
public sealed class AsOf : IEquatable<AsOf>
{
    private AsOf(AsOfPeriod period, AsOfPeriod? from, bool isEnd, AsOfQualifier qualifier, string? text)
    {
        Period = period;
        From = from;
        IsEnd = isEnd;
        Qualifier = qualifier;
        Text = text ?? Format(brackets: true);
    }

    /// <summary>The period the note names; for a range (…～…), its end.</summary>
    public AsOfPeriod Period { get; }

    /// <summary>The start of a range (平成30年度 in 平成30年度～令和2年12月累計), or null.</summary>
    public AsOfPeriod? From { get; }

    /// <summary>True when the note names a range (…～…).</summary>
    public bool IsRange => From.HasValue;

    /// <summary>The kind of <see cref="Period"/>.</summary>
    public AsOfKind Kind => Period.Kind;

    /// <summary>True when 末 or 末日 (end of) was written after the period: 令和2年12月末, 令和2年度末.</summary>
    public bool IsEnd { get; }

    /// <summary>True when the note names the end of a month (令和2年12月末現在).</summary>
    public bool IsMonthEnd => IsEnd && Period.Kind == AsOfKind.Month;

    /// <summary>The word written after the period (現在, 時点, 実績, 累計), or None.</summary>
    public AsOfQualifier Qualifier { get; }

    /// <summary>The text as written, trimmed, brackets included when present; for a created note, its <see cref="ToString"/>.</summary>
    public string Text { get; }

    /// <summary>The first day the note covers: the first day of <see cref="From"/> or else of <see cref="Period"/>.</summary>
    public DateOnly Start => (From ?? Period).Start;

    /// <summary>The last day the note refers to (inclusive): the day itself, the month's last day, December 31 or March 31.</summary>
    public DateOnly End => Period.End;

    /// <summary>Creates a note from its parts.</summary>
    /// <exception cref="ArgumentException">末 is given for a single day, or the range starts after its end period starts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The qualifier is not a defined value.</exception>
    public static AsOf Create(AsOfPeriod period, AsOfQualifier qualifier = AsOfQualifier.None, bool isEnd = false, AsOfPeriod? from = null)
    {
        if (!Enum.IsDefined(qualifier))
        {
            throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "Unknown qualifier.");
        }

        if (isEnd && period.Kind == AsOfKind.Date)
        {
            throw new ArgumentException("末 (end of) cannot be written after a single day.", nameof(isEnd));
        }

        if (from is { } f && f.Start > period.Start)
        {
            throw new ArgumentException("The start of a range must not be later than its end period.", nameof(from));
        }

        return new AsOf(period, from, isEnd, qualifier, null);
    }

    /// <summary>
    /// Reads an as-of note, with or without brackets (ASCII or full-width, mixed): (令和2年12月末現在), （令和2年12月1日現在）,
    /// (令和2年11月時点), (H30実績), （令和元年度）, (平成31年3月31日), (令和元年11時点) (year only, with a warning),
    /// （平成30年度～令和2年12月累計）, (令和２年１２月末現在), (2020年12月末現在). A missing bracket is read with an
    /// UnbalancedBracket warning. Text that is not an as-of note (過去5年の平均値, 20団体) fails with
    /// <see cref="ParseProblem.Unrecognised"/>, cheaply; a note with an impossible date fails with InvalidDate. Never throws.
    /// </summary>
    public static ParseResult<AsOf> Parse(string? text) => text is null
        ? ParseResult<AsOf>.Fail(ParseProblem.Empty, "時点の注記が空です。")
        : Parse(text.AsSpan(), text);

    /// <summary>Reads an as-of note from part of a larger text (for instance the inside of a bracket); see <see cref="Parse(string)"/>.</summary>
    public static ParseResult<AsOf> Parse(ReadOnlySpan<char> text) => Parse(text, null);

    /// <summary>Writes the note the way reports do, in full-width brackets: （令和2年12月末現在）, （平成30年度～令和2年12月累計）.</summary>
    public override string ToString() => Format(brackets: true);

    /// <summary>Writes the note the way reports do, with full-width brackets or without: 令和2年12月末現在.</summary>
    public string Format(bool brackets)
    {
        var end = IsEnd ? "末" : "";
        var word = QualifierWord(Qualifier);
        var body = From is { } from
            ? string.Concat(from.ToString(), "～", Period.ToString(), end) + word
            : string.Concat(Period.ToString(), end, word);
        return brackets ? "（" + body + "）" : body;
    }

    /// <summary>True when both notes name the same period and range with the same 末 and word.</summary>
    public bool Equals(AsOf? other) => other is not null
        && Period == other.Period
        && Nullable.Equals(From, other.From)
        && IsEnd == other.IsEnd
        && Qualifier == other.Qualifier;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AsOf);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Period, From, IsEnd, Qualifier);

    /// <summary>True when both are null or say the same thing.</summary>
    public static bool operator ==(AsOf? left, AsOf? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True unless both are null or say the same thing.</summary>
    public static bool operator !=(AsOf? left, AsOf? right) => !(left == right);

    private static string QualifierWord(AsOfQualifier qualifier) => qualifier switch
    {
        AsOfQualifier.Present => "現在",
        AsOfQualifier.PointInTime => "時点",
        AsOfQualifier.Actual => "実績",
        AsOfQualifier.Cumulative => "累計",
        _ => "",
    };

    private static AsOfQualifier ReadQualifier(ReadOnlySpan<char> s, ref int pos)
    {
        if (pos + 1 >= s.Length)
        {
            return AsOfQualifier.None;
        }

        var q = (s[pos], s[pos + 1]) switch
        {
            ('現', '在') => AsOfQualifier.Present,
            ('時', '点') => AsOfQualifier.PointInTime,
            ('実', '績') => AsOfQualifier.Actual,
            ('累', '計') => AsOfQualifier.Cumulative,
            _ => AsOfQualifier.None,
        };
        if (q != AsOfQualifier.None)
        {
            pos += 2;
        }

        return q;
    }

    private static ParseResult<AsOf> Parse(ReadOnlySpan<char> text, string? original)
    {
        var written = text.Trim();
        if (written.IsEmpty)
        {
            return ParseResult<AsOf>.Fail(ParseProblem.Empty, "時点の注記が空です。");
        }

        var inner = written;
        var open = JapaneseText.FoldChar(inner[0]) == '(';
        if (open)
        {
            inner = inner[1..];
        }

        var close = !inner.IsEmpty && JapaneseText.FoldChar(inner[^1]) == ')';
        if (close)
        {
            inner = inner[..^1];
        }

        inner = inner.Trim();
        if (inner.IsEmpty)
        {
            return ParseResult<AsOf>.Fail(ParseProblem.Empty, $"「{written}」の括弧の中が空です。");
        }

        // Most brackets in KPI cells are plain notes (20団体, 見込); refuse them on the first character.
        if (!EraDateReader.CanStartDate(inner[0]))
        {
            return NotAnAsOf(written);
        }

        List<ParseMessage>? messages = null;
        var pos = 0;
        switch (EraDateReader.Read(inner, ref pos, allowBareYear: false, ref messages, out var point))
        {
            case EraDateReader.Status.NotADate:
                return NotAnAsOf(written);
            case EraDateReader.Status.Error:
                return ParseResult<AsOf>.Fail(messages!);
        }

        AsOfPeriod? from = null;
        EraDateReader.SkipSpaces(inner, ref pos);
        if (EraDateReader.At(inner, pos) == '~')
        {
            pos++;
            var first = point;
            switch (EraDateReader.Read(inner, ref pos, allowBareYear: false, ref messages, out point))
            {
                case EraDateReader.Status.NotADate:
                    return NotAnAsOf(written);
                case EraDateReader.Status.Error:
                    return ParseResult<AsOf>.Fail(messages!);
            }

            if (EraDateReader.FirstDay(first) > EraDateReader.FirstDay(point))
            {
                return ParseResult<AsOf>.Fail(ParseProblem.InvalidDate, $"「{written}」の期間の始め（{EraDateReader.Format(first)}）が終わり（{EraDateReader.Format(point)}）より後です。");
            }

            from = AsOfPeriod.FromPoint(first);
            EraDateReader.SkipSpaces(inner, ref pos);
        }

        var isEnd = false;
        if (pos < inner.Length && inner[pos] == '末' && point.Kind != AsOfKind.Date)
        {
            isEnd = true;
            pos++;
            if (pos < inner.Length && inner[pos] == '日')
            {
                pos++; // 末日 (last day), as in 令和2年3月末日現在
            }

            EraDateReader.SkipSpaces(inner, ref pos);
        }

        var qualifier = ReadQualifier(inner, ref pos);
        EraDateReader.SkipSpaces(inner, ref pos);
        if (pos < inner.Length)
        {
            return NotAnAsOf(written);
        }

        if (open != close)
        {
            var message = open
                ? $"「{written}」の括弧が閉じていません。"
                : $"「{written}」の閉じ括弧に対応する開き括弧がありません。";
            (messages ??= []).Add(ParseMessage.Warning(ParseProblem.UnbalancedBracket, message));
        }

        var asWritten = original is not null && original.Length == written.Length ? original : written.ToString();
        return ParseResult<AsOf>.Ok(new AsOf(AsOfPeriod.FromPoint(point), from, isEnd, qualifier, asWritten), messages);
    }

    private static ParseResult<AsOf> NotAnAsOf(ReadOnlySpan<char> written) => ParseResult<AsOf>.Fail(
        ParseProblem.Unrecognised,
        $"「{written}」は時点の注記（例: 令和2年12月末現在、令和元年度）として読み取れません。");
}

namespace Shinchoku.Core.Parsing;

/// <summary>How serious a parse message is: an error refuses the text, a warning accepts it with a remark.</summary>
public enum ParseSeverity
{
    /// <summary>The text was read, but a person should look at it.</summary>
    Warning,

    /// <summary>The text could not be read; nothing is guessed.</summary>
    Error,
}

/// <summary>What went wrong (or is doubtful) in a piece of text; stable for tests and for machine-readable output.</summary>
public enum ParseProblem
{
    /// <summary>The text is not in any form the parser knows.</summary>
    Unrecognised,

    /// <summary>A number whose thousands separators are misplaced (延15,3728人).</summary>
    DigitGrouping,

    /// <summary>A number that cannot be read (two decimal points, stray signs).</summary>
    MalformedNumber,

    /// <summary>An opening or closing bracket without its partner.</summary>
    UnbalancedBracket,

    /// <summary>An era name that is not known (明治 to 令和, or their letters M T S H R).</summary>
    UnknownEra,

    /// <summary>An era year, month or day out of range (令和0年, 13月, 2月30日).</summary>
    InvalidDate,

    /// <summary>A date written in an era that had already ended on that day (平成31年5月1日).</summary>
    DateOutsideEra,

    /// <summary>Part of a date could not be read, e.g. a month without 月 (令和元年11時点).</summary>
    IncompleteDate,

    /// <summary>A multi-part cell whose stated total differs from the sum of its parts.</summary>
    TotalMismatch,

    /// <summary>A ratio whose denominator is zero or whose numerator is missing.</summary>
    InvalidRatio,

    /// <summary>Text left over after a value that the parser could not place.</summary>
    TrailingText,

    /// <summary>The text is empty where a value is required.</summary>
    Empty,

    /// <summary>A number outside the range a KPI value may have (see <c>KpiValue.MaxMagnitude</c> and <c>KpiValue.MaxDecimalPlaces</c>).</summary>
    OutOfRange,
}

/// <summary>One finding of a parser about a piece of text, with a Japanese message that quotes the text.</summary>
/// <param name="Severity">Whether the text was refused or accepted with a remark.</param>
/// <param name="Problem">The kind of problem, for programs.</param>
/// <param name="Message">The message for people, in Japanese, quoting the text it is about.</param>
public readonly record struct ParseMessage(ParseSeverity Severity, ParseProblem Problem, string Message)
{
    /// <summary>Creates an error message.</summary>
    public static ParseMessage Error(ParseProblem problem, string message) => new(ParseSeverity.Error, problem, message);

    /// <summary>Creates a warning message.</summary>
    public static ParseMessage Warning(ParseProblem problem, string message) => new(ParseSeverity.Warning, problem, message);

    /// <summary>An error refuses the text (<see cref="ParseResult{T}.Success"/> is false); a warning does not.</summary>
    public bool IsError => Severity == ParseSeverity.Error;

    /// <inheritdoc />
    public override string ToString() => $"{(IsError ? "エラー" : "注意")}: {Message}";
}

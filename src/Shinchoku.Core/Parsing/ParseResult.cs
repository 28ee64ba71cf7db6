namespace Shinchoku.Core.Parsing;

/// <summary>
/// The outcome of parsing a piece of text: a value with any warnings, or the errors that refused it.
/// Parsers return this instead of throwing, so that every bad cell of a sheet can be reported at once.
/// </summary>
/// <typeparam name="T">The type of the parsed value.</typeparam>
public sealed class ParseResult<T>
{
    private static readonly ParseMessage[] None = [];
    private readonly T? value;

    private ParseResult(T? value, bool success, IReadOnlyList<ParseMessage> messages)
    {
        this.value = value;
        Success = success;
        Messages = messages;
    }

    /// <summary>True when the text was read; <see cref="Value"/> is then available.</summary>
    public bool Success { get; }

    /// <summary>Every message, errors and warnings, in the order found.</summary>
    public IReadOnlyList<ParseMessage> Messages { get; }

    /// <summary>The parsed value. Throws <see cref="InvalidOperationException"/> when parsing failed.</summary>
    public T Value => Success
        ? value!
        : throw new InvalidOperationException("解析に失敗した結果には値がありません: " + string.Join(" / ", Messages));

    /// <summary>The errors only (empty on success).</summary>
    public IEnumerable<ParseMessage> Errors => Messages.Where(m => m.IsError);

    /// <summary>The warnings only.</summary>
    public IEnumerable<ParseMessage> Warnings => Messages.Where(m => !m.IsError);

    /// <summary>A successful result, with optional warnings.</summary>
    public static ParseResult<T> Ok(T value, IReadOnlyList<ParseMessage>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (warnings is not null && warnings.Any(m => m.IsError))
        {
            throw new ArgumentException("A successful result cannot carry errors.", nameof(warnings));
        }

        return new ParseResult<T>(value, true, warnings ?? None);
    }

    /// <summary>A failed result with at least one error.</summary>
    public static ParseResult<T> Fail(IReadOnlyList<ParseMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!messages.Any(m => m.IsError))
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(messages));
        }

        return new ParseResult<T>(default, false, messages);
    }

    /// <summary>A failed result with one error.</summary>
    public static ParseResult<T> Fail(ParseProblem problem, string message) => Fail([ParseMessage.Error(problem, message)]);

    /// <summary>The value when parsing succeeded, otherwise <paramref name="fallback"/>.</summary>
    public T? GetValueOrDefault(T? fallback = default) => Success ? value : fallback;
}

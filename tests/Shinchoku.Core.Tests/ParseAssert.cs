using System.Text.RegularExpressions;
using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Tests;

/// <summary>What every parse result must hold, whatever the text: a value without errors, or errors a person can read.</summary>
internal static partial class ParseAssert
{
    /// <summary>
    /// A success has a value and no error; a failure has at least one error and no value. Every message, error or
    /// warning, names a known problem and is written in Japanese (a message in English or empty would reach the officer
    /// as it is).
    /// </summary>
    public static void ValueOrJapaneseErrors<T>(ParseResult<T> result, string? text)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Success)
        {
            Assert.NotNull(result.Value);
            Assert.DoesNotContain(result.Messages, m => m.IsError);
        }
        else
        {
            Assert.NotEmpty(result.Errors);
            Assert.Throws<InvalidOperationException>(() => result.Value);
        }

        foreach (var message in result.Messages)
        {
            Assert.True(Enum.IsDefined(message.Problem), $"「{text}」: problem {message.Problem}");
            Assert.True(Japanese().IsMatch(message.Message), $"「{text}」: message not in Japanese: {message.Message}");
        }
    }

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}

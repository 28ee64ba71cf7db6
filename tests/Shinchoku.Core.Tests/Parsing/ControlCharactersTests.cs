using Shinchoku.Core.Parsing;

namespace Shinchoku.Core.Tests.Parsing;

/// <summary>The one rule for control characters: refused in what comes in, removed from what goes out.</summary>
public class ControlCharactersTests
{
    [Theory]
    [InlineData("1,234件\0", "U+0000", 7)]
    [InlineData("\u001B[31m赤", "U+001B", 1)]
    [InlineData("取組\u007F状況", "U+007F", 3)]
    [InlineData("取組\u0085状況", "U+0085", 3)] // C1: NEL
    [InlineData("見込\u009B値", "U+009B", 3)] // C1: CSI
    [InlineData("a\u0001b\u0002", "U+0001", 2)]
    public void ControlCharacter_IsRefused_NamingTheFirstAndWhere(string text, string code, int position)
    {
        var why = ControlCharacters.Describe(text);
        Assert.NotNull(why);
        Assert.Contains(code, why, StringComparison.Ordinal);
        Assert.Contains($"{position}文字目", why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,234件（令和2年12月末現在）")]
    [InlineData("一行目\n二行目\r\n三行目\tタブ")]
    [InlineData("全角　空白と～波ダッシュ")]
    [InlineData("\u00A0ノーブレークスペース")]
    public void TabsLineBreaksAndOrdinaryText_AreAllowed(string text)
    {
        Assert.Null(ControlCharacters.Describe(text));
        Assert.Equal(text, ControlCharacters.Remove(text));
    }

    [Theory]
    [InlineData("\0=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0")]
    [InlineData("12\u0000件\u001B\u0085", "12件")]
    [InlineData("改行\r\nは残す\u0007", "改行\r\nは残す")]
    public void Remove_LeavesEverythingElse(string text, string removed) =>
        Assert.Equal(removed, ControlCharacters.Remove(text));

    [Fact]
    public void Null_HasNone() => Assert.Null(ControlCharacters.Describe(null));
}

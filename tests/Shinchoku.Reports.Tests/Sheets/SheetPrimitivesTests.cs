using Shinchoku.Reports.Sheets;

namespace Shinchoku.Reports.Tests.Sheets;

/// <summary>Cell references, number formats and date serials as Excel has them.</summary>
public class SheetPrimitivesTests
{
    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(16384, "XFD")]
    public void ColumnLetters(int column, string letters)
    {
        Assert.Equal(letters, CellAddress.ColumnLetters(column));
        Assert.True(CellAddress.TryParse(letters + "7", out var row, out var back));
        Assert.Equal((7, column), (row, back));
    }

    [Theory]
    [InlineData(0, null, "General", 0.6076, "0.6076")]
    [InlineData(10, null, null, 0.6076, "60.76%")]
    [InlineData(3, null, null, 1095825, "1,095,825")]
    [InlineData(164, "#,##0\"件\"", null, 2662, "2,662件")]
    [InlineData(164, "[Red]0.0", null, 3.14159, "3.1")]
    [InlineData(164, "0_);(0)", null, -5, "(5)")]
    [InlineData(0, null, null, 0.1 + 0.2, "0.3")]
    public void NumberFormat(int id, string? code, string? _, double value, string shown) =>
        Assert.Equal(shown, NumberFormats.Format(value, id, code));

    [Theory]
    [InlineData(14, null, true)]
    [InlineData(31, null, true)]
    [InlineData(57, null, true)]
    [InlineData(164, "[$-411]ggge\"年\"m\"月\"d\"日\"", true)]
    [InlineData(164, "yyyy/mm/dd", true)]
    [InlineData(164, "#,##0\"日\"", false)]
    [InlineData(164, "0.00E+00", false)]
    [InlineData(3, null, false)]
    public void DateFormats_AreRecognised(int id, string? code, bool isDate) => Assert.Equal(isDate, NumberFormats.IsDate(id, code));

    [Theory]
    [InlineData(43902, "令和2年3月12日")]
    [InlineData(43585, "平成31年4月30日")]
    [InlineData(43586, "令和元年5月1日")]
    public void DateSerial_IsAnEraDate(double serial, string text) => Assert.Equal(text, NumberFormats.FormatDate(serial, false, 14, null));
}

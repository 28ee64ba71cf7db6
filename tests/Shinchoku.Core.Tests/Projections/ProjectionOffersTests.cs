using FsCheck.Xunit;
using Shinchoku.Core.Projections;
using Shinchoku.Core.Time;

namespace Shinchoku.Core.Tests.Projections;

public sealed class ProjectionOffersTests
{
    [Theory]
    // The report's own example: 4～12月 is 9 of 12 months.
    [InlineData(2020, "65,791人（令和2年12月末現在）", "87,721人", "令和2年4～12月の9か月の実績を12か月に換算（65,791 × 12 ÷ 9 ≒ 87,721人）")]
    [InlineData(2020, "800件(令和2年11月時点)", "1,200件", "令和2年4～11月の8か月の実績を12か月に換算（800 × 12 ÷ 8 = 1,200件）")]
    [InlineData(2020, "1,200件（令和3年2月末現在）", "1,309件", "令和2年4月～令和3年2月の11か月の実績を12か月に換算（1,200 × 12 ÷ 11 ≒ 1,309件）")]
    [InlineData(2018, "100件（平成30年12月末現在）", "133件", "平成30年4～12月の9か月の実績を12か月に換算（100 × 12 ÷ 9 ≒ 133件）")]
    [InlineData(2020, "12.5時間（令和2年9月末）", "25.0時間", "令和2年4～9月の6か月の実績を12か月に換算（12.5 × 12 ÷ 6 = 25.0時間）")]
    [InlineData(2020, "730件（令和2年9月30日現在）", "1,456件", "令和2年4月1日～令和2年9月30日の183日間の実績を1年（365日）に換算（730 × 365 ÷ 183 ≒ 1,456件）")]
    [InlineData(2020, "６５，７９１人（令和２年１２月末現在）", "87,721人", "令和2年4～12月の9か月の実績を12か月に換算（65,791 × 12 ÷ 9 ≒ 87,721人）")]
    public void YearEndProRata_AsOfInsideTheYear_OffersTheYearToDateOverTwelveMonths(int year, string actual, string value, string basis)
    {
        var offer = ProjectionOffers.For(new FiscalYear(year), actual, null).Find(ProjectionMethod.YearEndProRata);

        Assert.NotNull(offer);
        Assert.Equal(value, offer.Value);
        Assert.Equal(basis, offer.Basis);
        Assert.Contains("積み上がっていく値", offer.Caution, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("65,791人", "時点（例: （令和3年12月末現在））が書かれていない")]
    [InlineData("65,791人（令和3年3月末現在）", "年度末（令和3年3月末現在）のもの")]
    [InlineData("65,791人（令和3年3月31日時点）", "年度末（令和3年3月31日時点）のもの")]
    [InlineData("65,791人（令和2年度実績）", "年（年度）単位")]
    [InlineData("65,791人（令和元年12月末現在）", "令和2年度の中にない")]
    [InlineData("65,791人（平成30年度～令和2年12月累計）", "期間の累計")]
    [InlineData("45.2%（令和2年12月末現在）", "割合（%）は年度末に換算できません")]
    [InlineData("", "実績値を入力すると")]
    [InlineData("準備中", "数量（例: 1,234件（令和3年12月末現在））として読み取れない")]
    [InlineData("209/447（令和2年12月末現在）", "数量（例")]
    public void YearEndProRata_NotApplicable_IsRefusedWithTheReason(string actual, string reason)
    {
        var offers = ProjectionOffers.For(new FiscalYear(2020), actual, null);

        Assert.Null(offers.Find(ProjectionMethod.YearEndProRata));
        Assert.Contains(reason, Assert.Single(offers.Refused, r => r.Method == ProjectionMethod.YearEndProRata).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("65,791人（令和2年12月末現在）", "60,000人（令和2年3月末現在）", "67,721人",
        "前年度実績（令和2年3月末現在）60,000人から令和2年12月末現在までの9か月の伸び（+5,791人）が年度末まで続くとして換算（65,791 + 5,791 × 3 ÷ 9 ≒ 67,721人）")]
    [InlineData("65,791人（令和2年12月末現在）", "60,000人", "67,721人",
        "令和元年度末とみなした前年度実績60,000人から令和2年12月末現在までの9か月の伸び（+5,791人）が年度末まで続くとして換算（65,791 + 5,791 × 3 ÷ 9 ≒ 67,721人）")]
    [InlineData("65,791人（令和2年12月末現在）", "60千人（令和元年度）", "67,721人",
        "前年度実績（令和元年度）60,000人から令和2年12月末現在までの9か月の伸び（+5,791人）が年度末まで続くとして換算（65,791 + 5,791 × 3 ÷ 9 ≒ 67,721人）")]
    [InlineData("900件（令和2年12月末現在）", "1,000件（令和2年3月末）", "867件",
        "前年度実績（令和2年3月末）1,000件から令和2年12月末現在までの9か月の伸び（−100件）が年度末まで続くとして換算（900 − 100 × 3 ÷ 9 ≒ 867件）")]
    [InlineData("1,100件（令和2年9月30日現在）", "1,000件（令和2年3月末）", "1,199件",
        "前年度実績（令和2年3月末）1,000件から令和2年9月30日現在までの183日の伸び（+100件）が年度末まで続くとして換算（1,100 + 100 × 182 ÷ 183 ≒ 1,199件）")]
    public void LastYearGrowth_WithLastYearsActual_ContinuesTheGrowthToTheYearEnd(string actual, string lastYear, string value, string basis)
    {
        var offer = ProjectionOffers.For(new FiscalYear(2020), actual, lastYear).Find(ProjectionMethod.LastYearGrowth);

        Assert.NotNull(offer);
        Assert.Equal(basis, offer.Basis);
        Assert.Equal(value, offer.Value);
    }

    [Theory]
    [InlineData("65,791人（令和2年12月末現在）", null, "前年度の実績値がない")]
    [InlineData("65,791人（令和2年12月末現在）", "60,000件", "同じ単位の数量として読み取れない")]
    [InlineData("65,791人（令和2年12月末現在）", "集計中", "同じ単位の数量として読み取れない")]
    [InlineData("65,791人（令和2年12月末現在）", "60,000人（令和3年1月末現在）", "今年度の実績値の時点より後")]
    [InlineData("100件（令和2年12月末現在）", "1,000件（令和2年3月末）", "0を下回る")]
    [InlineData("65,791人", "60,000人", "時点（例: （令和3年12月末現在））が書かれていない")]
    [InlineData("65,791人（令和3年3月末現在）", "60,000人", "換算の必要はありません")]
    public void LastYearGrowth_NotApplicable_IsRefusedWithTheReason(string actual, string? lastYear, string reason)
    {
        var offers = ProjectionOffers.For(new FiscalYear(2020), actual, lastYear);

        Assert.Null(offers.Find(ProjectionMethod.LastYearGrowth));
        Assert.Contains(reason, Assert.Single(offers.Refused, r => r.Method == ProjectionMethod.LastYearGrowth).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("65,791人（令和2年12月末現在）", "65,791人", "令和2年12月末現在の実績値を据え置き（年度末まで増減しない見込み）")]
    [InlineData("65,791人（令和3年3月末現在）", "65,791人", "令和3年3月末現在の実績値を据え置き（年度末まで増減しない見込み）")]
    [InlineData("45.2%（令和2年12月末現在）", "45.2%", "令和2年12月末現在の実績値を据え置き（年度末まで増減しない見込み）")]
    [InlineData("1,234件", "1,234件", "実績値を据え置き（年度末まで増減しない見込み）")]
    public void Unchanged_AnyQuantity_OffersTheActualWithoutItsNote(string actual, string value, string basis)
    {
        var offer = ProjectionOffers.For(new FiscalYear(2020), actual, null).Find(ProjectionMethod.Unchanged);

        Assert.NotNull(offer);
        Assert.Equal(value, offer.Value);
        Assert.Equal(basis, offer.Basis);
    }

    [Fact]
    public void Offers_AreInTheOrderShown_ProRataGrowthUnchanged()
    {
        var offers = ProjectionOffers.For(new FiscalYear(2020), "65,791人（令和2年12月末現在）", "60,000人（令和2年3月末現在）");

        Assert.Equal([ProjectionMethod.YearEndProRata, ProjectionMethod.LastYearGrowth, ProjectionMethod.Unchanged], offers.Offers.Select(o => o.Method));
        Assert.Empty(offers.Refused);
    }

    [Theory]
    [InlineData(ProjectionMethod.YearEndProRata, "87,721人", ProjectionMethod.YearEndProRata)]
    [InlineData(ProjectionMethod.YearEndProRata, " 87,721人 ", ProjectionMethod.YearEndProRata)]
    [InlineData(ProjectionMethod.YearEndProRata, "88,000人", ProjectionMethod.Own)]
    [InlineData(ProjectionMethod.Unchanged, "65,791人", ProjectionMethod.Unchanged)]
    [InlineData(ProjectionMethod.Unchanged, "87,721人", ProjectionMethod.Own)]
    [InlineData(ProjectionMethod.LastYearGrowth, "67,721人", ProjectionMethod.Own)] // no last year's actual: not offered
    [InlineData(ProjectionMethod.None, "87,721人", ProjectionMethod.Own)]
    [InlineData(ProjectionMethod.Own, "87,721人", ProjectionMethod.Own)]
    [InlineData(ProjectionMethod.YearEndProRata, "", ProjectionMethod.None)]
    [InlineData(ProjectionMethod.Own, null, ProjectionMethod.None)]
    public void Resolve_KeepsTheChosenMethodOnlyWhileTheProjectionIsItsOffer(ProjectionMethod chosen, string? projection, ProjectionMethod stored)
    {
        var offers = ProjectionOffers.For(new FiscalYear(2020), "65,791人（令和2年12月末現在）", null);

        Assert.Equal(stored, ProjectionMethods.Resolve(chosen, projection, offers));
    }

    [Fact]
    public void Resolve_ActualChangedSinceTheOfferWasChosen_IsOwn()
    {
        var chosen = ProjectionOffers.For(new FiscalYear(2020), "65,791人（令和2年12月末現在）", null).Find(ProjectionMethod.YearEndProRata)!;
        var now = ProjectionOffers.For(new FiscalYear(2020), "66,000人（令和2年12月末現在）", null);

        Assert.Equal(ProjectionMethod.Own, ProjectionMethods.Resolve(ProjectionMethod.YearEndProRata, chosen.Value, now));
    }

    [Theory]
    [InlineData(ProjectionMethod.YearEndProRata, "年度末換算")]
    [InlineData(ProjectionMethod.LastYearGrowth, "前年度伸び率")]
    [InlineData(ProjectionMethod.Unchanged, "据え置き")]
    [InlineData(ProjectionMethod.Own, "独自")]
    [InlineData(ProjectionMethod.None, "記録なし")]
    public void Label_IsTheWordShownOnTheReport(ProjectionMethod method, string label) => Assert.Equal(label, method.Label());

    [Property(MaxTest = 500)]
    public void For_AnyText_NeverThrows(string? actual, string? lastYear, bool endOfYear)
    {
        var offers = ProjectionOffers.For(new FiscalYear(2020), actual + (endOfYear ? "（令和2年12月末現在）" : ""), lastYear);

        Assert.Equal(3, offers.Offers.Count + offers.Refused.Count);
    }
}

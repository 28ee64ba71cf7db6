using Microsoft.EntityFrameworkCore;
using Shinchoku.Core.Strategy;
using Shinchoku.Core.Time;
using Shinchoku.Web.Data;
using Xunit;

namespace Shinchoku.Web.Tests.Data;

/// <summary>Core types stored through value converters: queries on them still run in the database, on both providers.</summary>
[Collection(DemoAppsGroup.Name)]
public class CoreTypeConversionTests(DemoApps apps)
{
    [SkippableTheory]
    [MemberData(nameof(DemoApps.Providers), MemberType = typeof(DemoApps))]
    public async Task FiscalYear_ComparesAndOrdersInTheDatabase_AsTheStartYear(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        await using var scope = apps.For(provider).Scope(out var db);
        var from = new FiscalYear(2021);
        var query = db.ReportingCycles.Where(c => c.FiscalYear >= from).OrderByDescending(c => c.FiscalYear).Select(c => c.FiscalYear);

        // The comparison and the order are in the SQL, against the stored start year.
        var sql = query.ToQueryString();
        Assert.Contains(">=", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        var later = await query.ToListAsync();
        Assert.Contains(new FiscalYear(2021), later);
        Assert.All(later, y => Assert.True(y >= from));
        Assert.Equal(later.OrderDescending(), later);
        var earlier = await db.ReportingCycles.Where(c => c.FiscalYear < from).OrderBy(c => c.FiscalYear).Select(c => c.FiscalYear).ToListAsync();
        Assert.Equal([new FiscalYear(2020)], earlier.Distinct());
        var years = new List<FiscalYear> { new(2020) };
        Assert.True(await db.IndicatorReports.AnyAsync(r => years.Contains(r.FiscalYear)));
    }

    [SkippableTheory]
    [MemberData(nameof(DemoApps.Providers), MemberType = typeof(DemoApps))]
    public async Task ReportTable_IsComparedInTheDatabase_AsWritten(DatabaseProvider provider)
    {
        TestApp.SkipUnlessAvailable(provider);
        await using var scope = apps.For(provider).Scope(out var db);
        var tables = await db.Indicators.Where(i => i.ReportTable == ReportTableNumber.Table41).Select(i => i.ReportTable).Distinct().ToListAsync();
        Assert.Equal([ReportTableNumber.Table41], tables);
        Assert.True(await db.Indicators.AnyAsync(i => i.ReportTable == ReportTableNumber.Table42));
    }
}

using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Data;

namespace Shinchoku.Web.Indicators;

/// <summary>
/// Computes the stored years of reports again (<see cref="IndicatorReport.Evaluation"/>): at start, those computed by
/// older rules or never computed (<see cref="IndicatorYear.RulesVersion"/>; rows that existed before the columns did
/// have version 0); with the <c>recompute</c> command, every one. In chunks, each saved on its own: a stored year is
/// derived data, and one not yet computed is still read correctly (made from what is written).
/// </summary>
public static class KpiYearRecompute
{
    private const int Chunk = 1000;

    /// <summary>Computes and saves the years of the reports that need it (all with <paramref name="all"/>); returns how many.</summary>
    public static async Task<int> RunAsync(ShinchokuDb db, bool all, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var done = 0;
        var after = 0;
        while (true)
        {
            var query = db.IndicatorReports.Where(r => r.Id > after);
            if (!all)
            {
                query = query.Where(r => r.Evaluation.RulesVersion != IndicatorYear.RulesVersion);
            }

            var reports = await query.OrderBy(r => r.Id).Take(Chunk)
                .Include(r => r.Indicator!).ThenInclude(i => i.Targets)
                .Include(r => r.Overrides)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (reports.Count == 0)
            {
                return done;
            }

            foreach (var report in reports)
            {
                KpiYears.Store(report.Indicator!, report);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += reports.Count;
            after = reports[^1].Id;
        }
    }
}

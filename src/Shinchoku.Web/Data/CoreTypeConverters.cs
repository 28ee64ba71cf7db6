using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Shinchoku.Core.Projections;
using Shinchoku.Core.Strategy;
using Shinchoku.Core.Time;
using Shinchoku.Core.Values;

namespace Shinchoku.Web.Data;

/// <summary>
/// A fiscal year is stored as its start year (2020 for 令和2年度), the column type it always had. The mapping keeps
/// order (a later year is a larger number), so comparisons and ORDER BY run in the database.
/// </summary>
internal sealed class FiscalYearConverter() : ValueConverter<FiscalYear, int>(y => y.StartYear, startYear => new FiscalYear(startYear));

/// <summary>
/// A report table is stored as written (4-1), the text column it always had. Only 4-1, 4-2 and 4-3 were ever written;
/// anything else reads as 4-2, the table such an indicator has always been printed in.
/// </summary>
internal sealed class ReportTableNumberConverter() : ValueConverter<ReportTableNumber, string>(
    t => t.ToString(), text => ReportTableNumber.Parse(text).GetValueOrDefault(ReportTableNumber.Table42));

/// <summary>A unit is stored as written (千枚), the text column it always had.</summary>
internal sealed class UnitConverter() : ValueConverter<Unit, string>(u => u.Text, text => new Unit(text));

/// <summary>
/// A projection's method is stored by its word (年度末換算, 前年度伸び率, 据え置き, 独自; empty when none was recorded), so
/// the column reads the same in the database as on the page and a renamed enum member cannot change stored rows.
/// </summary>
internal sealed class ProjectionMethodConverter() : ValueConverter<ProjectionMethod, string>(
    m => m == ProjectionMethod.None ? "" : m.Label(),
    text => ProjectionMethods.FromLabel(text));

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Shinchoku.Core.Time;

namespace Shinchoku.Web.Data;

/// <summary>
/// A fiscal year is stored as its start year (2020 for 令和2年度), the column type it always had. The mapping keeps
/// order (a later year is a larger number), so comparisons and ORDER BY run in the database.
/// </summary>
internal sealed class FiscalYearConverter() : ValueConverter<FiscalYear, int>(y => y.StartYear, startYear => new FiscalYear(startYear));

using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Indicators;

/// <summary>
/// A KPI in English: where it stands, the calculation, the chart and each published year, with the same data as the
/// Japanese page; names, values and narratives stay as published, in Japanese (marked lang="ja"). Public for
/// published reports; unpublished reports only for signed-in staff.
/// </summary>
[PublicPage]
public class DetailsEnglishModel(ShinchokuDb db) : DetailsModel(db)
{
}

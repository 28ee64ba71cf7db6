using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

/// <summary>
/// An initiative in English: the same KPIs, marks, placements and published narratives as the Japanese page; names,
/// values and narratives stay as published, in Japanese (marked lang="ja"). Public; published reports only.
/// </summary>
[PublicPage]
public class InitiativeEnglishModel(ShinchokuDb db, OpenDataStore store) : InitiativeModel(db, store)
{
}

using Shinchoku.Web.Dashboard;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy;

/// <summary>
/// A node of a plan (area, field, pillar …) in English: the same published counts and KPIs as the Japanese page;
/// names, values and narratives stay as published, in Japanese (marked lang="ja"). Public; published reports only.
/// </summary>
[PublicPage]
public class NodeEnglishModel(ShinchokuDb db, OpenDataStore store) : NodeModel(db, store)
{
}

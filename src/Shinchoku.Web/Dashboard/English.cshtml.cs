using Shinchoku.Web.Data;
using Shinchoku.Web.OpenData;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Dashboard;

/// <summary>The home page in English: the same published counts as the Japanese home page, in English words. Public.</summary>
public class EnglishModel(ShinchokuDb db, OpenDataStore store) : IndexModel(db, store)
{
}

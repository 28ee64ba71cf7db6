using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>What the plan fields partial shows (name, key, version, issue): the page (for its errors), the values typed and a note on the key.</summary>
public sealed record PlanFieldsView(AdminPageModel Page, PlanForm Form, string KeyHint);

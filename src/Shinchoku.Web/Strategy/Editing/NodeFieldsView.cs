using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Strategy.Editing;

/// <summary>What the node fields partial shows: the page (for its errors) and the values typed.</summary>
public sealed record NodeFieldsView(AdminPageModel Page, NodeForm Form, string PositionHint);

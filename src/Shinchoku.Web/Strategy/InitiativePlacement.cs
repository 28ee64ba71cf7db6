using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Strategy;

/// <summary>Where an initiative is listed: under a node, primary or 【再掲】, in an order.</summary>
public class InitiativePlacement
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public int NodeId { get; set; }

    public PlanNode? Node { get; set; }

    /// <summary>False for a 【再掲】 listing.</summary>
    public bool IsPrimary { get; set; }

    /// <summary>The wording printed at this place when it differs from the initiative's title (a 【再掲】 may name part of it).</summary>
    public string? Title { get; set; }

    /// <summary>The title shown at this place.</summary>
    public string DisplayTitle => Title ?? Initiative?.Title ?? "";

    public int Order { get; set; }
}

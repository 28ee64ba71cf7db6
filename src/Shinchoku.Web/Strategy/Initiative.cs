using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Strategy;

/// <summary>An initiative (取組). It may be listed under several nodes; one placement is primary, the others are 【再掲】.</summary>
public class Initiative
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public string Body { get; set; } = "";

    public List<InitiativePlacement> Placements { get; } = [];

    public List<Indicators.Indicator> Indicators { get; } = [];

    public List<Player> Players { get; } = [];
}

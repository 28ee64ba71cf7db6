using Shinchoku.Core.Strategy;

namespace Shinchoku.Web.Strategy;

/// <summary>A player (プレイヤー) of the strategy: 県, 市町村, 企業・団体, 県民 ….</summary>
public class Player
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public required string Name { get; set; }

    public List<Initiative> Initiatives { get; } = [];
}

using Shinchoku.Core.Strategy;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Shared;

/// <summary>The words the administration pages use for states, in the Japanese of the DX office.</summary>
public static class AdminText
{
    /// <summary>The statuses a plan can be given, in the order offered.</summary>
    public static readonly IReadOnlyList<PlanStatus> PlanStatuses = [PlanStatus.Draft, PlanStatus.Current, PlanStatus.Superseded];

    public static string Describe(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "策定中（非公開）",
        PlanStatus.Current => "現行",
        PlanStatus.Superseded => "改訂前（過去の戦略）",
        _ => status.ToString(),
    };

    public static string Describe(PublicationState state) => state switch
    {
        PublicationState.Draft => "入力中",
        PublicationState.Submitted => "確認中",
        PublicationState.Published => "公表済み",
        _ => state.ToString(),
    };

    /// <summary>Reads a plan status posted by a form (its English name), or null.</summary>
    public static PlanStatus? ReadPlanStatus(string? text) =>
        PlanStatuses.Cast<PlanStatus?>().FirstOrDefault(s => string.Equals(s.ToString(), text, StringComparison.Ordinal));
}

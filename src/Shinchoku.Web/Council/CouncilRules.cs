using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Council;

/// <summary>Who may write what in the council thread, what counts as a question, and the words for each kind of post.</summary>
public static class CouncilRules
{
    /// <summary>The largest file the DX office may attach to a meeting.</summary>
    public const long MaxMaterialBytes = 20 * 1024 * 1024;

    /// <summary>The longest post.</summary>
    public const int MaxPostLength = 4000;

    /// <summary>True for a report with a question to the experts (the legacy sheets write － for none).</summary>
    public static readonly Expression<Func<IndicatorReport, bool>> HasQuestion =
        r => r.QuestionToExperts != "" && r.QuestionToExperts != "－" && r.QuestionToExperts != "-";

    /// <summary>
    /// True when <paramref name="principal"/> may write a post of <paramref name="kind"/> on a report of
    /// <paramref name="indicator"/> (its departments loaded): experts answer, the indicator's department (or the DX
    /// office) records its action, the DX office records the advice.
    /// </summary>
    public static async Task<bool> MayPostAsync(ClaimsPrincipal principal, CouncilPostKind kind, Indicator indicator, Access access)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(access);
        return kind switch
        {
            CouncilPostKind.ExpertAnswer => principal.IsInRole(Roles.Expert),
            CouncilPostKind.DepartmentAction => await access.MayEditAsync(principal, indicator),
            CouncilPostKind.Advice => principal.IsInRole(Roles.Administrator),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="principal"/> may see the thread of <paramref name="report"/>: staff always, others once the report is public.</summary>
    public static async Task<bool> MaySeeAsync(ShinchokuDb db, ClaimsPrincipal principal, int reportId, CancellationToken cancellationToken = default) =>
        Publication.SeesUnpublished(principal) || await Publication.PublicReports(db).AnyAsync(r => r.Id == reportId, cancellationToken);

    /// <summary>The heading of a kind of post.</summary>
    public static string Describe(CouncilPostKind kind) => kind switch
    {
        CouncilPostKind.ExpertAnswer => "有識者の回答",
        CouncilPostKind.DepartmentAction => "所管課の対応",
        CouncilPostKind.Advice => "会議の助言",
        _ => kind.ToString(),
    };

    /// <summary>The kinds in the order they are shown and offered.</summary>
    public static readonly IReadOnlyList<CouncilPostKind> Kinds = [CouncilPostKind.ExpertAnswer, CouncilPostKind.DepartmentAction, CouncilPostKind.Advice];
}

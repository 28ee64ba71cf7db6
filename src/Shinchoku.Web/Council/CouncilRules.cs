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

    /// <summary>How long the same text by the same person in the same thread is refused as a double post.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10); // the message below says 10分

    /// <summary>The longest reason for hiding a post.</summary>
    public const int MaxHideReasonLength = 500;

    /// <summary>True for a report whose question no expert has answered in a post still shown.</summary>
    public static readonly Expression<Func<IndicatorReport, bool>> IsUnanswered =
        r => !r.CouncilPosts.Any(p => p.Kind == CouncilPostKind.ExpertAnswer && p.WithdrawnAt == null && p.HiddenAt == null);

    /// <summary>What the thread shows instead of (or above) the text of a withdrawn or hidden post; null for a post shown as written.</summary>
    public static string? Notice(CouncilPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.WithdrawnAt is not null ? "投稿者により取り下げられました"
            : post.HiddenAt is not null ? $"事務局により非表示にしました（理由：{post.HiddenReason}）"
            : null;
    }

    /// <summary>
    /// True when <paramref name="viewer"/> sees the text of <paramref name="post"/>: everyone for a post shown; nobody in the
    /// thread once withdrawn (its history page keeps it for the author and the DX office); only the DX office once hidden, to decide on showing it again.
    /// </summary>
    public static bool ShowsText(CouncilPost post, ClaimsPrincipal viewer)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(viewer);
        return post.WithdrawnAt is null && (post.HiddenAt is null || viewer.IsInRole(Roles.Administrator));
    }

    /// <summary>True when <paramref name="userId"/> wrote <paramref name="post"/> and may still edit or withdraw it (not withdrawn or hidden).</summary>
    public static bool MayChange(CouncilPost post, string? userId)
    {
        ArgumentNullException.ThrowIfNull(post);
        return userId is not null && post.UserId == userId && post.WithdrawnAt is null && post.HiddenAt is null;
    }

    /// <summary>True when <paramref name="viewer"/> may hide <paramref name="post"/>: the DX office, a post neither withdrawn nor hidden.</summary>
    public static bool MayHide(CouncilPost post, ClaimsPrincipal viewer)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsInRole(Roles.Administrator) && post.WithdrawnAt is null && post.HiddenAt is null;
    }

    /// <summary>True when <paramref name="viewer"/> may show a hidden <paramref name="post"/> again: the DX office.</summary>
    public static bool MayRestore(CouncilPost post, ClaimsPrincipal viewer)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsInRole(Roles.Administrator) && post.HiddenAt is not null && post.WithdrawnAt is null;
    }

    /// <summary>
    /// The message refusing a post of <paramref name="text"/> when the same person wrote the same text, of the same kind,
    /// in the same thread within <see cref="DuplicateWindow"/> before <paramref name="now"/> (a double click, a reload); null when it is new.
    /// </summary>
    public static async Task<string?> DuplicateAsync(ShinchokuDb db, int reportId, CouncilPostKind kind, string? userId, string by, string text, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var since = now - DuplicateWindow;
        var same = await db.CouncilPosts.AnyAsync(p => p.IndicatorReportId == reportId && p.Kind == kind
            && (userId != null ? p.UserId == userId : p.By == by) && p.Text == text && p.At >= since && p.WithdrawnAt == null, cancellationToken);
        return same
            ? $"同じ内容の{Describe(kind)}を10分以内に書き込んでいます。二重に書き込まないよう、受け付けませんでした。書き込み済みの内容はスレッドで確かめられます。"
            : null;
    }

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

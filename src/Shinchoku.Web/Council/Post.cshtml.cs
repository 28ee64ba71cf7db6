using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shinchoku.Web.Accounts;
using Shinchoku.Web.Data;
using Shinchoku.Web.Shared;

namespace Shinchoku.Web.Council;

/// <summary>
/// One council post: its author edits it (the earlier text kept) or withdraws it; the DX office hides it with a reason
/// and shows it again. Each change is checked against the version the page was opened on and audited. The earlier
/// texts, and the text of a withdrawn or hidden post, are shown to the author and the DX office only. Staff.
/// </summary>
public class PostModel(ShinchokuDb db, UserManager<AppUser> users, TimeProvider clock) : AdminPageModel
{
    public CouncilPost Post { get; private set; } = null!;

    /// <summary>True for the author and the DX office: they see the earlier texts and a set-aside post's text.</summary>
    public bool SeesHistory { get; private set; }

    public bool MayChange { get; private set; }

    public bool MayHide { get; private set; }

    public bool MayRestore { get; private set; }

    [BindProperty]
    public PostChangeForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int postId)
    {
        if (!await LoadAsync(postId))
        {
            return NotFound();
        }

        Form = new PostChangeForm { Version = Post.Version, Text = Post.Text };
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(int postId) => ChangeAsync(postId, () => MayChange, now =>
    {
        var text = Required("text", "本文", Form.Text, CouncilRules.MaxPostLength);
        if (!IsValid || text == Post.Text)
        {
            return IsValid ? "本文は変わっていません。" : null;
        }

        Post.Revisions.Add(new CouncilPostRevision { Text = Post.Text, WrittenAt = Post.EditedAt ?? Post.At, ReplacedAt = now });
        Post.Text = text;
        Post.EditedAt = now;
        return "投稿を編集しました。前の内容は履歴に残しています。";
    });

    public Task<IActionResult> OnPostWithdrawAsync(int postId) => ChangeAsync(postId, () => MayChange, now =>
    {
        if (Form.Confirm != "yes")
        {
            Fail("confirm", "取り下げる場合は「この投稿を取り下げます」にチェックを入れてください。");
            return null;
        }

        Post.WithdrawnAt = now;
        return "投稿を取り下げました。スレッドには「投稿者により取り下げられました」と表示されます。";
    });

    public Task<IActionResult> OnPostHideAsync(int postId) => ChangeAsync(postId, () => MayHide, now =>
    {
        var reason = Required("reason", "非表示にする理由", Form.Reason, CouncilRules.MaxHideReasonLength);
        if (!IsValid)
        {
            return null;
        }

        Post.HiddenAt = now;
        Post.HiddenReason = reason;
        Post.HiddenBy = User.Identity?.Name;
        return "投稿を非表示にしました。スレッドには理由を表示しています。";
    });

    public Task<IActionResult> OnPostRestoreAsync(int postId) => ChangeAsync(postId, () => MayRestore, _ =>
    {
        Post.HiddenAt = null;
        Post.HiddenReason = null;
        Post.HiddenBy = null;
        return "投稿を表示に戻しました。";
    });

    /// <summary>
    /// Loads the post, refuses a page opened on an older version (someone else changed the post), checks that the
    /// user may do it, applies <paramref name="change"/> (null: problems to show) and saves under the loaded version.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int postId, Func<bool> may, Func<DateTimeOffset, string?> change)
    {
        if (!await LoadAsync(postId))
        {
            return NotFound();
        }

        if (Form.Version != Post.Version)
        {
            return Conflict();
        }

        if (!may())
        {
            return Forbid();
        }

        var done = change(clock.GetUtcNow());
        if (done is null)
        {
            return Page();
        }

        db.SaveOnlyAtVersion(Post, Form.Version);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(postId);
            return Conflict();
        }

        TempData[CouncilThread.DoneKey] = $"{Post.IndicatorReportId}|{done}";
        return Redirect($"/council/reports/{Post.IndicatorReportId}#post-{Post.Id}");
    }

    private PageResult Conflict()
    {
        Fail(null, "この投稿は、この画面を開いたあとでほかの人が変更しました（編集・取り下げ・非表示など）。何も変更していません。下の最新の内容を確かめてから、もう一度操作してください。");
        return Page();
    }

    private async Task<bool> LoadAsync(int postId)
    {
        var post = await db.CouncilPosts
            .Include(p => p.Report!).ThenInclude(r => r.Indicator)
            .Include(p => p.Revisions.OrderBy(r => r.Id))
            .Include(p => p.Meeting)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == postId);
        if (post is null)
        {
            return false;
        }

        var me = users.GetUserId(User);
        Post = post;
        SeesHistory = (me is not null && post.UserId == me) || User.IsInRole(Roles.Administrator);
        MayChange = CouncilRules.MayChange(post, me);
        MayHide = CouncilRules.MayHide(post, User);
        MayRestore = CouncilRules.MayRestore(post, User);
        return true;
    }
}

/// <summary>The forms of a post's page: the version it was opened on, and the new text, the withdrawal's confirmation or the reason for hiding.</summary>
public sealed class PostChangeForm
{
    public int Version { get; set; }

    public string? Text { get; set; }

    public string? Confirm { get; set; }

    public string? Reason { get; set; }
}

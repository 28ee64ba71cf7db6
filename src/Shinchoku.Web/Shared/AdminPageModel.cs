using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shinchoku.Web.Shared;

/// <summary>
/// What the administration pages share: the problems of the form just posted, in the order of its fields,
/// rendered as an error summary that links to each field and as a message beside the field; and a
/// message shown once after a change (post, redirect, get).
/// </summary>
[RefuseControlCharacters]
public abstract class AdminPageModel : PageModel
{
    private readonly List<FormError> errors = [];

    /// <summary>The problems found, in the order they were found (the order of the fields on the form).</summary>
    public IReadOnlyList<FormError> Errors => errors;

    /// <summary>Shown once after a change, on the page the change redirected to.</summary>
    [TempData]
    public string? Done { get; set; }

    protected bool IsValid => errors.Count == 0;

    /// <summary>Records a problem with the field whose id is <paramref name="field"/> (null: the form as a whole).</summary>
    protected internal void Fail(string? field, string message)
    {
        errors.Add(new FormError(field, message));
        ModelState.AddModelError(field ?? "", message);
    }

    /// <summary>The first problem with <paramref name="field"/>, or null.</summary>
    public string? ErrorOf(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>"true" for a field with a problem; null leaves the aria-invalid attribute out.</summary>
    public string? InvalidOf(string field) => ErrorOf(field) is null ? null : "true";

    /// <summary>The ids that describe <paramref name="field"/>: its hint (when it has one) and its error message.</summary>
    public string? DescribedBy(string field, bool hint = false)
    {
        var ids = new List<string>(2);
        if (hint)
        {
            ids.Add(field + "-hint");
        }

        if (ErrorOf(field) is not null)
        {
            ids.Add(field + "-error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The message beside a field with a problem, or nothing.</summary>
    public IHtmlContent FieldError(string field)
    {
        var message = ErrorOf(field);
        if (message is null)
        {
            return HtmlString.Empty;
        }

        return new HtmlContentBuilder()
            .AppendHtml($"<p class=\"field-error\" id=\"{field}-error\"><span class=\"visually-hidden\">エラー：</span>")
            .Append(message)
            .AppendHtml("</p>");
    }

    /// <summary>Redirects to <paramref name="url"/> with <paramref name="message"/> shown there once.</summary>
    protected RedirectResult DoneAndRedirect(string message, string url)
    {
        Done = message;
        return Redirect(url);
    }

    /// <summary>Reads an optional position (1 = first); null when empty, and a recorded problem when not a number from 1.</summary>
    protected internal int? ReadPosition(string field, string? text)
    {
        var t = (text ?? "").Trim().Normalize(NormalizationForm.FormKC);
        if (t.Length == 0)
        {
            return null;
        }

        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return n;
        }

        Fail(field, $"表示順「{text}」は1以上の数字で入力してください（空欄なら最後に表示します）。");
        return null;
    }

    /// <summary>Records a problem when the required <paramref name="text"/> is empty or longer than <paramref name="max"/>; returns it trimmed.</summary>
    protected internal string Required(string field, string name, string? text, int max)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            Fail(field, $"{name}を入力してください。");
        }
        else if (t.Length > max)
        {
            Fail(field, $"{name}は{max}文字以内で入力してください（今は{t.Length}文字です）。");
        }

        return t;
    }

    /// <summary>Records a problem when the optional <paramref name="text"/> is longer than <paramref name="max"/>; returns it trimmed, or null when empty.</summary>
    protected internal string? Optional(string field, string name, string? text, int max)
    {
        var t = (text ?? "").Trim();
        if (t.Length > max)
        {
            Fail(field, $"{name}は{max}文字以内で入力してください（今は{t.Length}文字です）。");
        }

        return t.Length == 0 ? null : t;
    }
}

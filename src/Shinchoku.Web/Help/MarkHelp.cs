using System.Net;
using Microsoft.AspNetCore.Html;
using Shinchoku.Web.Dashboard;

namespace Shinchoku.Web.Help;

/// <summary>
/// Links from a mark (◎ ○ △ ー ×, ↗ → ↘, 到達/未到達) to 「評価の見方」 (/help/marks, /en/help/marks), whose text lives
/// in one partial (_MarksHelp). The link's name says where it goes, for screen readers: 「◎ 100%以上（評価の見方）」.
/// </summary>
public static class MarkHelp
{
    /// <summary>The sections of the help page a mark can link to.</summary>
    public const string Rating = "rating", Trend = "trend", Progress = "progress", Interim = "interim", NotRated = "not-rated";

    /// <summary>The URL of the help page, at a section.</summary>
    public static string Url(bool english = false, string section = Rating) => (english ? "/en/help/marks" : "/help/marks") + "#" + section;

    /// <summary>A mark as a link to its explanation; <paramref name="cssClass"/> is the class of the mark's own element inside the link.</summary>
    public static IHtmlContent Link(IHtmlContent mark, bool english = false, string section = Rating, string? cssClass = null)
    {
        // The mark keeps its own element (cssClass), so that its text is the mark alone; the link adds where it goes.
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<a href=\"" + Url(english, section) + "\" class=\"mark-link\">");
        builder.AppendHtml(cssClass is null ? "" : "<span class=\"" + WebUtility.HtmlEncode(cssClass) + "\">");
        builder.AppendHtml(mark);
        builder.AppendHtml(cssClass is null ? "" : "</span>");
        builder.AppendHtml("<span class=\"visually-hidden\">" + (english ? " (how to read the marks)" : "（評価の見方）") + "</span></a>");
        return builder;
    }

    /// <summary>A KPI's rating as a badge (「◎ 100%以上」, 「評価なし（不明）」) linking to its explanation.</summary>
    public static IHtmlContent Badge(MarkBucket bucket, bool english = false) => Link(
        new HtmlString("<span class=\"rating rating-" + MarkText.Slug(bucket) + "\">"
            + WebUtility.HtmlEncode(english ? MarkText.EnglishLabel(bucket) : MarkText.Label(bucket)) + "</span>"),
        english, MarkText.RatingOf(bucket) is null ? NotRated : Rating);

    /// <summary>A rated bucket's glyph and words, as a column heading of the count tables, linking to its explanation.</summary>
    public static IHtmlContent Heading(MarkBucket bucket, bool english = false) => Link(
        new HtmlString("<span class=\"mark-glyph\">" + WebUtility.HtmlEncode(MarkText.Glyph(bucket)) + "</span> "
            + WebUtility.HtmlEncode(english ? MarkText.EnglishWords(bucket) : MarkText.Words(bucket))),
        english);

    /// <summary>A mark written as plain text, as a link to its explanation.</summary>
    public static IHtmlContent Link(string mark, bool english = false, string section = Rating, string? cssClass = null) =>
        Link(new HtmlString(WebUtility.HtmlEncode(mark)), english, section, cssClass);
}

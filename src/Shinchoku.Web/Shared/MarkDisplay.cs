using System.Net;
using Microsoft.AspNetCore.Html;
using Shinchoku.Core.Rules;

namespace Shinchoku.Web.Shared;

/// <summary>
/// Marks on the web pages, where a glyph alone misleads: ー (進捗に増減なし) carries its words so that it cannot be read
/// as 「－」 (not applicable), which is drawn muted and named 「該当なし」 for screen readers; the interim target reads
/// 到達 / 未到達 instead of ○/× beside the rating's ○/×. The printed report (資料4) keeps its own glyphs.
/// </summary>
public static class MarkDisplay
{
    /// <summary>The screen-reader name of a mark that does not apply.</summary>
    public const string NotApplicableWords = "該当なし";

    /// <summary>The inside of a mark's element for a rating or arrow glyph as shown (empty: not applicable).</summary>
    public static IHtmlContent Glyph(string glyph) => glyph.Length == 0 ? NotApplicable
        : glyph.StartsWith(Rating.NoChange.Glyph(), StringComparison.Ordinal)
            ? new HtmlString(WebUtility.HtmlEncode(glyph) + "<span class=\"mark-words\">（" + Rating.NoChange.Describe() + "）</span>")
            : new HtmlString(WebUtility.HtmlEncode(glyph));

    /// <summary>到達 / 未到達, or not applicable.</summary>
    public static IHtmlContent Interim(bool? reached) => reached is { } r ? new HtmlString(MarkGlyphs.InterimWords(r)) : NotApplicable;

    /// <summary>A printed interim mark (○/×) in words; anything else as printed.</summary>
    public static string PrintedInterim(string printed) => printed.Trim() switch
    {
        "○" => MarkGlyphs.InterimWords(true),
        "×" => MarkGlyphs.InterimWords(false),
        var other => other,
    };

    private static IHtmlContent NotApplicable { get; } =
        new HtmlString("<span class=\"mark-none\" aria-hidden=\"true\">－</span><span class=\"visually-hidden\">" + NotApplicableWords + "</span>");
}

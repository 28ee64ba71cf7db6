namespace Shinchoku.Web.Shared;

/// <summary>A problem with a posted form: the id of the field (null for the form as a whole) and the message; shown by _ErrorSummary.</summary>
public sealed record FormError(string? Field, string Message)
{
    /// <summary>The ViewData key a page (or the error summary) sets when it shows errors: the layout then starts the title with 「エラー：」 and focuses the summary.</summary>
    public const string PageHasErrors = "PageHasErrors";
}

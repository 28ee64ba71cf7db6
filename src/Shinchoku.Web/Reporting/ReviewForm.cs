namespace Shinchoku.Web.Reporting;

/// <summary>A review action's form as typed: the comment or reason, and the version of the report the page was opened on.</summary>
public sealed class ReviewForm
{
    public string? Text { get; set; }

    public int Version { get; set; }
}

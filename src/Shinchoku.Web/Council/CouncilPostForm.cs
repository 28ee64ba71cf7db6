namespace Shinchoku.Web.Council;

/// <summary>A post to a KPI's council thread, as typed: its <see cref="CouncilPostKind"/>'s name and its text.</summary>
public sealed class CouncilPostForm
{
    public string? Kind { get; set; }

    public string? Text { get; set; }
}

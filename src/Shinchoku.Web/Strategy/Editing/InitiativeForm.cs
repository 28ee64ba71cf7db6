namespace Shinchoku.Web.Strategy.Editing;

/// <summary>An initiative's form as typed: title and body, and the fingerprint of what the form was filled with.</summary>
public sealed class InitiativeForm
{
    public string? Title { get; set; }

    public string? Body { get; set; }

    /// <summary>The fingerprint of the initiative when the form was filled (<see cref="Shared.EditStamp"/>).</summary>
    public string? Stamp { get; set; }
}

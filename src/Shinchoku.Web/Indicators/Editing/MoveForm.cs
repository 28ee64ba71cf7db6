namespace Shinchoku.Web.Indicators.Editing;

/// <summary>The form that moves an indicator to another initiative of its plan.</summary>
public sealed class MoveForm
{
    public int? MoveToInitiativeId { get; set; }
}

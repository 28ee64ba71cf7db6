namespace Shinchoku.Web.Strategy.Editing;

/// <summary>The form that adds an indicator to an initiative; the rest of its definition is entered on the indicator's page.</summary>
public sealed class NewIndicatorForm
{
    public string? IndicatorName { get; set; }
}

namespace Shinchoku.Web.Reporting;

/// <summary>The reports checked on the cycle board to approve at once, each posted as "indicatorId:version".</summary>
public sealed class ApprovalForm
{
    public List<string> Approve { get; set; } = [];
}

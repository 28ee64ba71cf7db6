using Shinchoku.Web.Indicators;
using Shinchoku.Web.Reporting;

namespace Shinchoku.Web.Tests.Reporting;

/// <summary>The one rule of who may change a report in which state, for the entry form and the import alike.</summary>
public class ReportChangeRuleTests
{
    public static TheoryData<PublicationState, ReportState, ChangeEffect, ReportState, ChangeEffect, ReportState> Cases => new()
    {
        // cycle, report, entry form → effect, state, import → effect, state
        { PublicationState.Draft, ReportState.NotStarted, ChangeEffect.InPlace, ReportState.InProgress, ChangeEffect.InPlace, ReportState.InProgress },
        { PublicationState.Draft, ReportState.InProgress, ChangeEffect.InPlace, ReportState.InProgress, ChangeEffect.InPlace, ReportState.InProgress },
        { PublicationState.Draft, ReportState.Returned, ChangeEffect.InPlace, ReportState.Returned, ChangeEffect.InPlace, ReportState.Returned },
        { PublicationState.Draft, ReportState.Submitted, ChangeEffect.Refused, ReportState.Submitted, ChangeEffect.BackToSubmitted, ReportState.Submitted },
        { PublicationState.Draft, ReportState.Approved, ChangeEffect.Refused, ReportState.Approved, ChangeEffect.BackToSubmitted, ReportState.Submitted },
        { PublicationState.Submitted, ReportState.InProgress, ChangeEffect.Refused, ReportState.InProgress, ChangeEffect.BackToSubmitted, ReportState.Submitted },
        { PublicationState.Submitted, ReportState.Approved, ChangeEffect.Refused, ReportState.Approved, ChangeEffect.BackToSubmitted, ReportState.Submitted },
        { PublicationState.Published, ReportState.Returned, ChangeEffect.InPlace, ReportState.Returned, ChangeEffect.InPlace, ReportState.Returned },
        { PublicationState.Published, ReportState.Approved, ChangeEffect.Refused, ReportState.Approved, ChangeEffect.Refused, ReportState.Approved },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Change_EntryFormAndImport(PublicationState cycleState, ReportState report, ChangeEffect entry, ReportState entryAfter, ChangeEffect import, ReportState importAfter)
    {
        var cycle = new ReportingCycle { Title = "令和2年度 進捗状況", State = cycleState };

        var byForm = ReportRules.Change(ReportChannel.EntryForm, report, cycle);
        var byImport = ReportRules.Change(ReportChannel.Import, report, cycle);

        Assert.Equal((entry, entryAfter), (byForm.Effect, byForm.After));
        Assert.Equal((import, importAfter), (byImport.Effect, byImport.After));
        // The entry form may change exactly what the department may edit, and says why not otherwise.
        Assert.Equal(ReportRules.DepartmentMayEdit(report, cycle), byForm.Allowed);
        Assert.Equal(byForm.Allowed, byForm.Why is null);
        // Nothing changes a published report, by either way.
        Assert.Equal(!ReportRules.IsFrozen(report, cycle), byImport.Allowed);
    }
}

using Shinchoku.Core.Time;
using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Reporting;

/// <summary>The progress report of a plan for one fiscal year (e.g. 令和2年度 進捗状況), with its publication state.</summary>
public class ReportingCycle
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>The fiscal year reported on.</summary>
    public FiscalYear FiscalYear { get; set; }

    public required string Title { get; set; }

    public PublicationState State { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The day by which departments are to submit (提出期限), when set.</summary>
    public DateOnly? Deadline { get; set; }
}

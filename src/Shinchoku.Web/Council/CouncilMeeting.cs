namespace Shinchoku.Web.Council;

/// <summary>A meeting of the advisory council (アドバイザリー会議) on a plan's reporting cycle.</summary>
public class CouncilMeeting : Data.IVersioned
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Strategy.Plan? Plan { get; set; }

    /// <summary>The cycle whose reports the meeting discusses, if any.</summary>
    public int? CycleId { get; set; }

    public Reporting.ReportingCycle? Cycle { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>令和3年度第1回 千葉県DX推進アドバイザリー会議.</summary>
    public required string Title { get; set; }

    /// <summary>Members present, one per line.</summary>
    public string Members { get; set; } = "";

    /// <summary>議事, one item per line.</summary>
    public string Agenda { get; set; } = "";

    /// <summary>The advice of the meeting as a whole, recorded by the DX office.</summary>
    public string Advice { get; set; } = "";

    public List<MeetingMaterial> Materials { get; } = [];

    /// <summary>Incremented on every save; the concurrency token.</summary>
    public int Version { get; set; }
}

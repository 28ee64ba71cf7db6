namespace Shinchoku.Web.Council;

/// <summary>A meeting of the advisory council (アドバイザリー会議) on a plan's reporting cycle.</summary>
public class CouncilMeeting : Data.IVersioned
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Strategy.Plan? Plan { get; set; }

    /// <summary>The cycle whose reports the meeting discusses, if any.</summary>
    public int? CycleId { get; set; }

    public Indicators.ReportingCycle? Cycle { get; set; }

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

/// <summary>A file handed to the council (資料4 as it was sent), kept byte for byte.</summary>
public class MeetingMaterial
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset AttachedAt { get; set; }

    public required string AttachedBy { get; set; }
}

/// <summary>Who writes in the thread on an indicator's report.</summary>
public enum CouncilPostKind
{
    /// <summary>An expert's answer to the department's question.</summary>
    ExpertAnswer,

    /// <summary>What the department will do in response.</summary>
    DepartmentAction,

    /// <summary>The council's advice on this indicator, recorded by the DX office.</summary>
    Advice,
}

/// <summary>One post in the council thread on an indicator's report for a fiscal year.</summary>
public class CouncilPost
{
    public int Id { get; set; }

    public int IndicatorReportId { get; set; }

    public Indicators.IndicatorReport? Report { get; set; }

    /// <summary>The meeting the post belongs to, if any.</summary>
    public int? MeetingId { get; set; }

    public CouncilMeeting? Meeting { get; set; }

    public CouncilPostKind Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>The display name of the author.</summary>
    public required string By { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset At { get; set; }
}

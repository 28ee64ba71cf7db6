using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Reporting;

/// <summary>Where one indicator's report stands in a reporting cycle: 未着手 → 入力中 → 提出済 → 差戻し or 承認済.</summary>
public enum ReportState
{
    /// <summary>未着手: requested, nothing entered yet.</summary>
    NotStarted,

    /// <summary>入力中: the department is entering.</summary>
    InProgress,

    /// <summary>提出済: submitted to the DX office, waiting for review.</summary>
    Submitted,

    /// <summary>差戻し: returned by the DX office with a reason (also after publication, to correct it).</summary>
    Returned,

    /// <summary>承認済: approved; public once its cycle is published.</summary>
    Approved,
}

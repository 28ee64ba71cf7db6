namespace Shinchoku.Web.Council;

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

namespace Shinchoku.Core.Projections;

/// <summary>How a 見込値 (projection to the fiscal year end) was reached; stored with the value so that it is never silent.</summary>
public enum ProjectionMethod
{
    /// <summary>No projection written yet, or written before methods were recorded.</summary>
    None,

    /// <summary>年度末換算: the year-to-date actual pro-rated to twelve months.</summary>
    YearEndProRata,

    /// <summary>前年度伸び率: the growth since last year's actual continued to the year end.</summary>
    LastYearGrowth,

    /// <summary>据え置き: the actual unchanged.</summary>
    Unchanged,

    /// <summary>独自: written by the department in its own way (the basis says how).</summary>
    Own,
}

/// <summary>The words for <see cref="ProjectionMethod"/>, as the entry and review pages show them.</summary>
public static class ProjectionMethods
{
    /// <summary>年度末換算, 前年度伸び率, 据え置き, 独自; 記録なし for <see cref="ProjectionMethod.None"/>.</summary>
    public static string Label(this ProjectionMethod method) => method switch
    {
        ProjectionMethod.YearEndProRata => "年度末換算",
        ProjectionMethod.LastYearGrowth => "前年度伸び率",
        ProjectionMethod.Unchanged => "据え置き",
        ProjectionMethod.Own => "独自",
        _ => "記録なし",
    };

    /// <summary>The method named by its <see cref="Label"/>; None for anything else (an empty column).</summary>
    public static ProjectionMethod FromLabel(string? label) => label switch
    {
        "年度末換算" => ProjectionMethod.YearEndProRata,
        "前年度伸び率" => ProjectionMethod.LastYearGrowth,
        "据え置き" => ProjectionMethod.Unchanged,
        "独自" => ProjectionMethod.Own,
        _ => ProjectionMethod.None,
    };

    /// <summary>
    /// The method to store with <paramref name="projection"/>: the <paramref name="chosen"/> offer's method while the
    /// projection is still that offer's value (for the actual as it is now); 独自 once it differs or none was chosen;
    /// <see cref="ProjectionMethod.None"/> when there is no projection. A changed actual or projection is never left
    /// labelled with a method that no longer produced it.
    /// </summary>
    public static ProjectionMethod Resolve(ProjectionMethod chosen, string? projection, ProjectionOffers offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var written = (projection ?? "").Trim();
        if (written.Length == 0)
        {
            return ProjectionMethod.None;
        }

        return chosen is not (ProjectionMethod.None or ProjectionMethod.Own) && offers.Find(chosen) is { } offer && offer.Value == written
            ? chosen
            : ProjectionMethod.Own;
    }
}

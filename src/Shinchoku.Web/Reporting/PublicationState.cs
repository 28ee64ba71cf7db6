using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Reporting;

/// <summary>Where a yearly report is in its life: only published reports are public.</summary>
public enum PublicationState
{
    /// <summary>Departments are entering values; staff only.</summary>
    Draft,

    /// <summary>Submitted to the DX office for review; staff only.</summary>
    Submitted,

    /// <summary>Published: public pages and open data show it.</summary>
    Published,
}

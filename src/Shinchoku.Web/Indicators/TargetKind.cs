using Shinchoku.Core.Rules;
using Shinchoku.Core.Values;
using Shinchoku.Web.Strategy;
using Shinchoku.Web.Departments;

namespace Shinchoku.Web.Indicators;

/// <summary>Interim (中間目標) or final (最終目標) target.</summary>
public enum TargetKind
{
    Interim,
    Final,
}

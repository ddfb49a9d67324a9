using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// A quantified target of the action plan as data: what it measures, how it is computed and judged,
/// and where in the plan it stands (action-plan-kpis.md §1).
/// </summary>
public sealed record KpiDefinition
{
    public required string Id { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    /// <summary>The unit of the KPI value; "%" values are percent numbers (15.9 means 15.9%).</summary>
    public required string Unit { get; init; }

    public required KpiDirection Direction { get; init; }

    public required KpiFormula Formula { get; init; }

    public required IReadOnlyList<KpiTarget> Targets { get; init; }

    public PathShape PathShape { get; init; } = PathShape.Linear;

    public required KpiScope Scope { get; init; }

    /// <summary>The section of the plan, e.g. "二 主要目标" or "三(一)1.2".</summary>
    public required string PlanSection { get; init; }

    /// <summary>Lines of seed 001 (the plan's reprint) the target is stated on, e.g. "L563, L567".</summary>
    public required string PlanLines { get; init; }

    /// <summary>Raw indicators the formula reads (empty when there is no data source yet).</summary>
    public IReadOnlyList<IndicatorId> Inputs { get; init; } = [];

    /// <summary>A remark shown with the KPI (ambiguities of the text, how it is judged).</summary>
    public string? Note { get; init; }

    public bool HasDataSource => Formula != KpiFormula.NoDataSource;

    /// <summary>The tracks of this KPI's targets, in catalogue order.</summary>
    public IEnumerable<string> Tracks => Targets.Select(t => t.Track).Distinct();
}

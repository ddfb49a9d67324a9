using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis.Formulas;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// A quantified target of the action plan as data: what it measures, how it is computed (one
/// <see cref="KpiFormula"/> object, or one per track) and judged, and where in the plan it stands
/// (action-plan-kpis.md §1).
/// </summary>
public sealed record KpiDefinition
{
    public required string Id { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    /// <summary>The unit of the KPI value; "%" values are percent numbers (15.9 means 15.9%).</summary>
    public required string Unit { get; init; }

    public required KpiDirection Direction { get; init; }

    /// <summary>How the value is computed on every track without its own formula.</summary>
    public required KpiFormula Formula { get; init; }

    /// <summary>Tracks computed differently from <see cref="Formula"/> (the gross definition, the official rates).</summary>
    public IReadOnlyDictionary<string, KpiFormula> TrackFormulas { get; init; } = new Dictionary<string, KpiFormula>();

    public required IReadOnlyList<KpiTarget> Targets { get; init; }

    public PathShape PathShape { get; init; } = PathShape.Linear;

    public required KpiScope Scope { get; init; }

    /// <summary>The section of the plan, e.g. "二 主要目标" or "三(一)1.2".</summary>
    public required string PlanSection { get; init; }

    /// <summary>Lines of seed 001 (the plan's reprint) the target is stated on, e.g. "L563, L567".</summary>
    public required string PlanLines { get; init; }

    /// <summary>A remark shown with the KPI (ambiguities of the text, how it is judged).</summary>
    public string? Note { get; init; }

    /// <summary>The same remark in Chinese, for the Chinese pages (every note has both).</summary>
    public string? NoteZh { get; init; }

    public bool HasDataSource => Formula.HasDataSource;

    /// <summary>Total, rate or event: decides whom a national target judges.</summary>
    public KpiMeasure Measure => Formula.Measure;

    /// <summary>The formula of a track.</summary>
    public KpiFormula FormulaFor(string track) => TrackFormulas.TryGetValue(track, out var formula) ? formula : Formula;

    /// <summary>Every raw indicator any track reads, in order of first use.</summary>
    public IReadOnlyList<IndicatorId> Inputs => _inputs ??= Tracks.SelectMany(t => FormulaFor(t).Inputs).Distinct().ToArray();

    private IReadOnlyList<IndicatorId>? _inputs;

    /// <summary>The tracks of this KPI's targets, in catalogue order.</summary>
    public IEnumerable<string> Tracks => Targets.Select(t => t.Track).Distinct();

    /// <summary>The track that is graded first (the headline of the KPI).</summary>
    public string MainTrack => Targets.FirstOrDefault(t => t.Graded)?.Track ?? Targets[0].Track;
}

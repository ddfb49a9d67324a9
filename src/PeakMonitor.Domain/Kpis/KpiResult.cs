using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// One KPI for one region and year, judged against one target (one per track: carbon intensity has
/// two). Null means "not applicable" or "no data", never zero.
/// </summary>
public sealed record KpiResult
{
    public required string Kpi { get; init; }

    public required RegionCode Region { get; init; }

    public required int Year { get; init; }

    public required string Track { get; init; }

    public double? Value { get; init; }

    /// <summary>True when <see cref="Value"/> is a published figure read from stored data, not our recomputation.</summary>
    public bool OfficialFigure { get; init; }

    public required string Unit { get; init; }

    public int? BaselineYear { get; init; }

    public double? BaselineValue { get; init; }

    /// <summary>True when the baseline year had no observation and its value was interpolated (rule in <see cref="KpiJudgementOptions.MaxBaselineGapYears"/>).</summary>
    public bool BaselineEstimated { get; init; }

    public int? TargetYear { get; init; }

    public double? Target { get; init; }

    public TargetModality? Modality { get; init; }

    /// <summary>Only a binding, graded target can veto a grade.</summary>
    public bool Binding { get; init; }

    /// <summary>约束性 / 预期性 / unspecified, with <see cref="NatureSource"/>.</summary>
    public TargetNature? Nature { get; init; }

    public string? NatureSource { get; init; }

    /// <summary>False on reference tracks: shown beside the graded one, never graded.</summary>
    public bool Graded { get; init; }

    public TargetOrigin? TargetOrigin { get; init; }

    public string? TargetSource { get; init; }

    public string? TargetSourceUrl { get; init; }

    /// <summary>The value on the expected path for this year; from the baseline year on.</summary>
    public double? Expected { get; init; }

    /// <summary>Share of the distance from baseline to target covered, in percent.</summary>
    public double? Progress { get; init; }

    /// <summary>Actual minus expected, signed so that positive means ahead.</summary>
    public double? Gap { get; init; }

    /// <summary>The annual rate still required to reach the target; null once it is met.</summary>
    public double? RequiredAnnualRate { get; init; }

    public double? ActualAnnualRate { get; init; }

    /// <summary>What the two rates measure.</summary>
    public RateKind? RateKind { get; init; }

    /// <summary>The value projected to the target year by the KPI's trend method (for the CO2 peak: the projected peak year).</summary>
    public double? Projected { get; init; }

    public KpiStatus? Status { get; init; }

    public AssessmentGrade? Grade { get; init; }

    /// <summary>The 0–100 attainment score the grade is read from.</summary>
    public double? Score { get; init; }

    /// <summary>The CO2 peak's state, trend and plateau test (the co2_peak KPI only).</summary>
    public PeakOutlook? Peak { get; init; }

    /// <summary>A province under a national total: its share of the national value this year, in percent.</summary>
    public double? ShareOfNational { get; init; }

    /// <summary>A province under a national total: its share of the national change since the baseline year, in percent.</summary>
    public double? ContributionToNationalChange { get; init; }

    /// <summary>A province without a target of its own: the national target, for reference only.</summary>
    public double? ReferenceTarget { get; init; }

    public int? ReferenceTargetYear { get; init; }

    /// <summary>A province without a target of its own: the national expected path this year, for reference only.</summary>
    public double? ReferenceExpected { get; init; }

    /// <summary>Why something is missing, or how it was judged (English; the UI words come from the fields).</summary>
    public string? Note { get; init; }
}

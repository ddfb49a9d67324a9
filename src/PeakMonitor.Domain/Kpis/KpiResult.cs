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

    public required string Unit { get; init; }

    public int? BaselineYear { get; init; }

    public double? BaselineValue { get; init; }

    public int? TargetYear { get; init; }

    public double? Target { get; init; }

    public TargetModality? Modality { get; init; }

    public bool Binding { get; init; }

    public TargetOrigin? TargetOrigin { get; init; }

    public string? TargetSource { get; init; }

    /// <summary>The value on the expected path for this year; from the baseline year on.</summary>
    public double? Expected { get; init; }

    /// <summary>Share of the distance from baseline to target covered, in percent.</summary>
    public double? Progress { get; init; }

    /// <summary>Actual minus expected, signed so that positive means ahead.</summary>
    public double? Gap { get; init; }

    public double? RequiredAnnualRate { get; init; }

    public double? ActualAnnualRate { get; init; }

    /// <summary>What the two rates measure, e.g. "% per year (intensity decline)".</summary>
    public string? RateUnit { get; init; }

    /// <summary>The value projected to the target year by the KPI's trend method.</summary>
    public double? Projected { get; init; }

    public KpiStatus? Status { get; init; }

    public AssessmentGrade? Grade { get; init; }

    /// <summary>The 0–100 attainment score the grade is read from.</summary>
    public double? Score { get; init; }

    public PeakState? PeakState { get; init; }

    /// <summary>Why something is missing, or how it was judged.</summary>
    public string? Note { get; init; }
}

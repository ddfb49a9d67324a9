namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// One (baseline year, target year, target value) pair of a KPI. Pairs on the same
/// <see cref="Track"/> are successive milestones of one path (non-fossil share 20% in 2025, then 25%
/// in 2030); pairs on different tracks are separate targets judged side by side (carbon intensity:
/// −18% vs 2020 by 2025, and more than −65% vs 2005 by 2030).
/// </summary>
public sealed record KpiTarget
{
    public KpiTarget(int baselineYear, int targetYear, double value, TargetModality modality, string track = "main")
    {
        if (targetYear <= baselineYear)
        {
            throw new ArgumentException($"Target year {targetYear} must come after baseline year {baselineYear}.", nameof(targetYear));
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A target must be a finite number.");
        }

        BaselineYear = baselineYear;
        TargetYear = targetYear;
        Value = value;
        Modality = modality;
        Track = track;
    }

    public int BaselineYear { get; }

    public int TargetYear { get; }

    /// <summary>In the KPI's unit (a percent number for shares and reductions: 18 means 18%).</summary>
    public double Value { get; }

    public TargetModality Modality { get; }

    public string Track { get; }

    public TargetOrigin Origin { get; init; } = TargetOrigin.NationalPlan;

    /// <summary>The document the target comes from.</summary>
    public string Source { get; init; } = "2030年前碳达峰行动方案 (国发〔2021〕23号)";

    /// <summary>力争 targets are reported but never veto a grade.</summary>
    public bool Binding => Modality != TargetModality.Aspirational;
}

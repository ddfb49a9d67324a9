using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Outlook;

/// <summary>The 10/25/50/75/90% quantiles of a KPI's simulated value in one future year.</summary>
public sealed record YearQuantiles(int Year, double P10, double P25, double P50, double P75, double P90);

/// <summary>
/// One KPI's outlook in one region, as of a year: the probability that the value meets the target
/// in its deadline year, and the fan of simulated values for every year up to it
/// (<see cref="OutlookModel"/>).
/// </summary>
public sealed record KpiOutlook
{
    public required string Kpi { get; init; }

    public required RegionCode Region { get; init; }

    public required string Track { get; init; }

    /// <summary>The last year of data the model saw.</summary>
    public required int AsOfYear { get; init; }

    public required int BaselineYear { get; init; }

    /// <summary>The target's year.</summary>
    public required int Deadline { get; init; }

    public required double Target { get; init; }

    public required string Unit { get; init; }

    public required KpiDirection Direction { get; init; }

    /// <summary>The KPI's value in the as-of year (the fan's root).</summary>
    public required double Latest { get; init; }

    /// <summary>Share of simulated paths whose deadline value meets the target's nominal value, in [0, 1].</summary>
    public required double Probability { get; init; }

    /// <summary>One row per year after the as-of year up to the deadline.</summary>
    public required IReadOnlyList<YearQuantiles> Quantiles { get; init; }

    /// <summary>Annual changes the bootstrap drew from.</summary>
    public required int ChangesUsed { get; init; }

    public required ChangeScale Scale { get; init; }

    /// <summary>The method in words (window, block, draws, seed), for the API, CLI and reports.</summary>
    public required string Method { get; init; }

    /// <summary>The median path's value at the deadline.</summary>
    public double MedianAtDeadline => Quantiles.Count > 0 ? Quantiles[^1].P50 : Latest;
}

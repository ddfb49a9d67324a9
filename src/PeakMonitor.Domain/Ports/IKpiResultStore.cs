using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Domain.Ports;

/// <summary>Materialised KPI results, kept beside the raw data so dashboards and other clients read them directly.</summary>
public interface IKpiResultStore
{
    /// <summary>Replaces everything stored for these KPIs with <paramref name="results"/> (results of other KPIs are left alone).</summary>
    Task<int> ReplaceAsync(IReadOnlyCollection<string> kpis, IReadOnlyList<KpiResult> results, CancellationToken cancellationToken);
}

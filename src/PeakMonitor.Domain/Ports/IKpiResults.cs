using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Domain.Ports;

/// <summary>
/// The one place KPI results come from: pages, the API, reports and the CLI read them here, computed
/// from the stored data with the one configured targets file and judgement options.
/// </summary>
public interface IKpiResults
{
    /// <summary>The current results: computed on first use, then kept; older than the refresh age, they are recomputed in the background while the kept ones are served.</summary>
    Task<KpiResultSet> GetAsync(CancellationToken cancellationToken);

    /// <summary>Recomputes now from the store and keeps the result (after an import in this process, so no page waits for it).</summary>
    Task<KpiResultSet> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The results as they stood on <paramref name="asOf"/>: from each value's latest vintage published
    /// on or before that day. Computed on demand from the stored vintages, never kept (any day may be asked).
    /// </summary>
    Task<KpiResultSet> GetAsOfAsync(DateOnly asOf, CancellationToken cancellationToken);
}

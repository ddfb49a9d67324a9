using Hangfire;
using PeakMonitor.Domain.Ports;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// Recomputes the KPI results from the store as a background job (after the provincial targets
/// change, or on demand from the jobs dashboard); imports refresh them themselves before they count as succeeded.
/// </summary>
public sealed class KpiRefreshJob(IKpiResults kpis)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("KPI recomputation")]
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        (await kpis.RefreshAsync(cancellationToken).ConfigureAwait(false)).Results.Count;
}

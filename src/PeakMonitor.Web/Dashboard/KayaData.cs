using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// The decomposition's inputs (population, real GDP, energy, energy CO2 for every region) for the page and
/// the API: one store read shared through <see cref="ReadCache"/> for <c>Dashboard:CacheDuration</c>, so
/// many people comparing years cost one query. The shared read does not take one request's token: a
/// request that goes away must not fail the others waiting on the same read.
/// </summary>
public sealed class KayaData(ITimeSeriesReader reader, ReadCache cache)
{
    public Task<IndicatorPanel> GetAsync() =>
        cache.GetAsync("kaya", () => KayaPanelLoader.LoadAsync(reader, CancellationToken.None));
}

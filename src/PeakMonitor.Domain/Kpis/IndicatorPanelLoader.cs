using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Kpis;

/// <summary>Reads what the KPI engine needs from the store port: annual and monthly series of each input, sector <c>all</c>.</summary>
public static class IndicatorPanelLoader
{
    public static async Task<IndicatorPanel> LoadAsync(ITimeSeriesReader reader, IEnumerable<KpiDefinition> kpis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // One round trip for all inputs: the number of queries does not grow with regions or KPIs.
        var inputs = kpis.SelectMany(k => k.Inputs).Distinct().ToArray();
        return IndicatorPanel.From(await reader.ReadAllAsync(inputs, SectorId.All, cancellationToken).ConfigureAwait(false));
    }
}

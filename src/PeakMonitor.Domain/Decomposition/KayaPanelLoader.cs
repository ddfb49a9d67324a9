using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;

namespace PeakMonitor.Domain.Decomposition;

/// <summary>Reads the decomposition's four inputs (sector <c>all</c>, every region, annual and monthly) in one round trip.</summary>
public static class KayaPanelLoader
{
    public static async Task<IndicatorPanel> LoadAsync(ITimeSeriesReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return IndicatorPanel.From(await reader.ReadAllAsync(KayaValues.Inputs.ToArray(), SectorId.All, cancellationToken).ConfigureAwait(false));
    }
}

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
        var observations = new List<Observation>();
        foreach (var indicator in kpis.SelectMany(k => k.Inputs).Distinct())
        {
            observations.AddRange(await reader.ReadAsync(new SeriesQuery(indicator, SectorId.All, Period.OfYear(Period.MinYear), Period.OfYear(Period.MaxYear)), cancellationToken).ConfigureAwait(false));
            observations.AddRange(await reader.ReadAsync(new SeriesQuery(indicator, SectorId.All, Period.OfMonth(Period.MinYear, 1), Period.OfMonth(Period.MaxYear, 12)), cancellationToken).ConfigureAwait(false));
        }

        return IndicatorPanel.From(observations);
    }
}

using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Ports;

/// <summary>Reads stored observations.</summary>
public interface ITimeSeriesReader
{
    /// <summary>The observations matching <paramref name="query"/>, ordered by region then period.</summary>
    Task<IReadOnlyList<Observation>> ReadAsync(SeriesQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every observation of these indicators for one sector, all regions, both frequencies, in one
    /// round trip (the dashboard's and the KPI engine's bulk read: its cost must not grow with the
    /// number of regions or indicators asked for). Notes are left out.
    /// </summary>
    Task<IReadOnlyList<Observation>> ReadAllAsync(IReadOnlyCollection<IndicatorId> indicators, SectorId sector, CancellationToken cancellationToken);

    /// <summary>Every sector's annual observations of these indicators for one region, in one round trip (sector drill-down).</summary>
    Task<IReadOnlyList<Observation>> ReadSectorsAsync(IReadOnlyCollection<IndicatorId> indicators, RegionCode region, CancellationToken cancellationToken);
}

using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Ingestion.Kpis;

/// <summary>
/// The store's read port over observations already in memory (read from data files): lets the CLI
/// compute KPIs from files through the same <see cref="KpiResults"/> as the web app, no store needed.
/// Files may carry several vintages of a value: reads give the latest, as the store does, and
/// <see cref="ReadVintagesAsync"/> all of them (for <c>--as-of</c>).
/// </summary>
public sealed class ObservationReader(IReadOnlyList<Observation> all) : ITimeSeriesReader, IVintageReader
{
    private readonly IReadOnlyList<Observation> observations = Vintages.Latest(all);

    public Task<IReadOnlyList<Observation>> ReadVintagesAsync(IReadOnlyCollection<IndicatorId> indicators, SectorId? sector, RegionCode? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        IReadOnlyList<Observation> result = all.Where(o => indicators.Contains(o.Indicator) && (sector is null || o.Sector == sector) && (region is null || o.Region == region)).ToArray();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Observation>> ReadAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<Observation> result = observations
            .Where(o => o.Indicator == query.Indicator && o.Sector == query.Sector && o.Period.Frequency == query.Frequency
                && o.Period >= query.From && o.Period <= query.To && (query.Regions.Count == 0 || query.Regions.Contains(o.Region)))
            .OrderBy(o => o.Region.Value, StringComparer.Ordinal).ThenBy(o => o.Period)
            .ToArray();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Observation>> ReadAllAsync(IReadOnlyCollection<IndicatorId> indicators, SectorId sector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        IReadOnlyList<Observation> result = observations.Where(o => o.Sector == sector && indicators.Contains(o.Indicator)).ToArray();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Observation>> ReadSectorsAsync(IReadOnlyCollection<IndicatorId> indicators, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        IReadOnlyList<Observation> result = observations.Where(o => o.Region == region && o.Period.Frequency == Frequency.Annual && indicators.Contains(o.Indicator)).ToArray();
        return Task.FromResult(result);
    }
}

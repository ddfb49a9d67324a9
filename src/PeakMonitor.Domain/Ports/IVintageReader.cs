using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Ports;

/// <summary>
/// Reads every stored vintage (not only the latest, which <see cref="ITimeSeriesReader"/> reads): for
/// as-of views and the revision list. Values stored before vintages existed come back once, with
/// <see cref="Observation.Published"/> null.
/// </summary>
public interface IVintageReader
{
    /// <summary>Every vintage of these indicators, for one sector (all when null) and one region (all when null), annual and monthly.</summary>
    Task<IReadOnlyList<Observation>> ReadVintagesAsync(IReadOnlyCollection<IndicatorId> indicators, SectorId? sector, RegionCode? region, CancellationToken cancellationToken);
}

/// <summary>
/// The read port as the data stood on one day: every read picks, per series and period, the latest
/// vintage published on or before <see cref="AsOf"/>, so the KPI engine, pages and the CLI compute as
/// they would have then. Computed on demand from <see cref="IVintageReader"/>; nothing is kept.
/// </summary>
public sealed class AsOfReader(IVintageReader vintages, DateOnly asOf) : ITimeSeriesReader
{
    public DateOnly AsOf { get; } = asOf;

    public async Task<IReadOnlyList<Observation>> ReadAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = await vintages.ReadVintagesAsync([query.Indicator], query.Sector, query.Regions.Count == 1 ? query.Regions.First() : null, cancellationToken).ConfigureAwait(false);
        return Vintages.AsOf(all, AsOf)
            .Where(o => o.Period.Frequency == query.Frequency && o.Period >= query.From && o.Period <= query.To
                && (query.Regions.Count == 0 || query.Regions.Contains(o.Region)))
            .OrderBy(o => o.Region.Value, StringComparer.Ordinal).ThenBy(o => o.Period)
            .ToArray();
    }

    public async Task<IReadOnlyList<Observation>> ReadAllAsync(IReadOnlyCollection<IndicatorId> indicators, SectorId sector, CancellationToken cancellationToken) =>
        Vintages.AsOf(await vintages.ReadVintagesAsync(indicators, sector, null, cancellationToken).ConfigureAwait(false), AsOf);

    public async Task<IReadOnlyList<Observation>> ReadSectorsAsync(IReadOnlyCollection<IndicatorId> indicators, RegionCode region, CancellationToken cancellationToken) =>
        Vintages.AsOf(await vintages.ReadVintagesAsync(indicators, null, region, cancellationToken).ConfigureAwait(false), AsOf)
            .Where(o => o.Period.Frequency == Frequency.Annual)
            .ToArray();
}

using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Ports;

/// <summary>Reads stored observations.</summary>
public interface ITimeSeriesReader
{
    /// <summary>The observations matching <paramref name="query"/>, ordered by region then period.</summary>
    Task<IReadOnlyList<Observation>> ReadAsync(SeriesQuery query, CancellationToken cancellationToken);
}

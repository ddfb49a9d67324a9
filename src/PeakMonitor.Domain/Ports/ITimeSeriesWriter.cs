using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Ports;

/// <summary>
/// Stores observations. Writing the same series and period again overwrites it, so a re-import of
/// the same data changes nothing.
/// </summary>
public interface ITimeSeriesWriter
{
    /// <summary>Validates every observation first, then stores all of them; returns how many were written.</summary>
    Task<int> WriteAsync(IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken);
}

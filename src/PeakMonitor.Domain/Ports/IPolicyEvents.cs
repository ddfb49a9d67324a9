using PeakMonitor.Domain.Events;

namespace PeakMonitor.Domain.Ports;

/// <summary>The policy events that time charts and reports mark (issue 18), from the one configured events file.</summary>
public interface IPolicyEvents
{
    /// <summary>The events in date order; none when no file is configured or it cannot be read.</summary>
    Task<IReadOnlyList<PolicyEvent>> GetAsync(CancellationToken cancellationToken);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Events;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Events;

/// <summary>Where the policy events come from (section <c>Events</c>).</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>The events file; empty for none. Relative paths: against <c>DataRoot</c> in the web app, the working directory in the CLI.</summary>
    public string? File { get; set; } = Path.Combine("seed-data", "events", "events.csv");
}

/// <summary>
/// The policy events every time chart marks (issue 18), read from <see cref="EventsOptions.File"/> and kept
/// until the file changes. A file that cannot be read gives no markers and an error in the log: a bad
/// events file must not take the charts down with it.
/// </summary>
public sealed partial class PolicyEvents(IOptions<EventsOptions> options, ILogger<PolicyEvents> logger) : IPolicyEvents
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTime Written, IReadOnlyList<PolicyEvent> Events)? _kept;

    public async Task<IReadOnlyList<PolicyEvent>> GetAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.File;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return [];
        }

        var written = File.GetLastWriteTimeUtc(path);
        if (_kept is { } kept && kept.Written == written)
        {
            return kept.Events;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_kept is { } again && again.Written == written)
            {
                return again.Events;
            }

            IReadOnlyList<PolicyEvent> events;
            try
            {
                events = await PolicyEventsReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (CsvImportException ex)
            {
                LogUnreadable(logger, path, ex.Message);
                events = [];
            }

            _kept = (written, events);
            return events;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds an event to the file (admins, /admin/events); refused when one with the same date and Chinese title exists.</summary>
    /// <exception cref="InvalidOperationException">No events file is configured, the file cannot be read, or the event is a duplicate.</exception>
    public Task AddAsync(PolicyEvent policyEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyEvent);
        return ChangeAsync(
            events => events.Any(e => e.Date == policyEvent.Date && e.TitleZh == policyEvent.TitleZh)
                ? throw new InvalidOperationException($"An event of {policyEvent.DateText} with this title is already listed.")
                : [.. events, policyEvent],
            cancellationToken);
    }

    /// <summary>Removes the event of this date and Chinese title.</summary>
    /// <exception cref="InvalidOperationException">No events file is configured, the file cannot be read, or there is no such event.</exception>
    public Task RemoveAsync(DateOnly date, string titleZh, CancellationToken cancellationToken) =>
        ChangeAsync(
            events => events.Any(e => e.Date == date && e.TitleZh == titleZh)
                ? events.Where(e => !(e.Date == date && e.TitleZh == titleZh)).ToArray()
                : throw new InvalidOperationException("No such event."),
            cancellationToken);

    /// <summary>Reads the file as it is now (not the kept copy), changes it and writes it back, one change at a time.</summary>
    private async Task ChangeAsync(Func<IReadOnlyList<PolicyEvent>, IReadOnlyList<PolicyEvent>> change, CancellationToken cancellationToken)
    {
        var path = options.Value.File;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("No events file is configured (Events:File).");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<PolicyEvent> current;
            try
            {
                current = File.Exists(path) ? await PolicyEventsReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false) : [];
            }
            catch (CsvImportException ex)
            {
                throw new InvalidOperationException("The events file cannot be read, so it is not changed: " + ex.Message, ex);
            }

            await PolicyEventsWriter.WriteFileAsync(path, change(current), cancellationToken).ConfigureAwait(false);
            _kept = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The policy events file {File} cannot be read, so the charts show no event markers: {Problems}")]
    private static partial void LogUnreadable(ILogger logger, string file, string problems);
}

public static class PolicyEventsExtensions
{
    /// <summary>The policy events (<see cref="PolicyEvents"/>) from section <c>Events</c>.</summary>
    public static IHostApplicationBuilder AddPolicyEvents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName);
        builder.Services.TryAddSingleton<PolicyEvents>();
        builder.Services.TryAddSingleton<IPolicyEvents>(sp => sp.GetRequiredService<PolicyEvents>());
        return builder;
    }
}

using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// At startup, before the job server: on the embedded (one-instance) store, runs left 'running' by a
/// process that ended are marked interrupted; files claimed by versions before Hangfire (straight in
/// <c>inbox/.working/</c>) go back into the inbox. Claims of today's import jobs are left alone: the
/// queue runs their job again (<see cref="FileImportJob"/>), which also stops a crash loop.
/// </summary>
public sealed partial class IngestionRecovery(RunHistory history, JobsDatabase database, IOptions<IngestionOptions> options, ILogger<IngestionRecovery> logger) : IHostedService
{
    /// <summary>Process ends while importing the same content after which it is no longer retried.</summary>
    public const int MaxProcessEnds = 2;

    public async Task StartAsync(CancellationToken cancellationToken) => await RecoverAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Returns how many files went back into the inbox.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        o.EnsureFolders();

        // On a shared server another instance's runs are running now: only the queue can tell which ended.
        var interrupted = database.IsPostgres ? [] : await history.MarkInterruptedAsync(cancellationToken).ConfigureAwait(false);
        var requeued = 0;
        foreach (var file in Directory.GetFiles(o.Working))
        {
            File.Move(file, Path.Combine(o.Inbox, Path.GetFileName(file)), overwrite: false);
            requeued++;
        }

        if (interrupted.Count > 0 || requeued > 0)
        {
            LogRecovered(logger, interrupted.Count, requeued);
        }

        return requeued;
    }

    public static string CrashReport(string name, IReadOnlyList<long> runs) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            {name}: not imported. The process ended {runs.Count} times while importing this file (runs {string.Join(", ", runs)}): a crash, a kill or running out of memory.
            It was moved here instead of back into the inbox, so that it cannot keep the service in a crash loop; nothing from it is known to be stored completely.
            Check the file and the service's log; move it back into inbox/ to try once more.

            """);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Runs} run(s) were interrupted by the end of their process; {Files} file(s) put back into the inbox to be retried")]
    private static partial void LogRecovered(ILogger logger, int runs, int files);
}

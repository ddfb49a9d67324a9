using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// At startup, before the scheduler: runs left 'running' by a process that stopped are marked
/// interrupted, and their files go back into the inbox, so the next inbox run retries them.
/// </summary>
public sealed partial class IngestionRecovery(RunHistory history, IOptions<IngestionOptions> options, ILogger<IngestionRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await RecoverAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        o.EnsureFolders();
        var interrupted = await history.MarkInterruptedAsync(cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Runs} run(s) were interrupted by a restart; {Files} file(s) put back into the inbox to be retried")]
    private static partial void LogRecovered(ILogger logger, int runs, int files);
}

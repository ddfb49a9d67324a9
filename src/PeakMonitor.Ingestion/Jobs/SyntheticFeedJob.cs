using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Ingestion.Synthetic;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// A simulated live source for demos: each run writes this month's synthetic capacity and generation
/// for every province (Bogus, seeded, so a rerun writes the same values), every row marked
/// <c>source=synthetic</c>; then refreshes the KPIs those series feed. One run at a time across instances.
/// </summary>
public sealed partial class SyntheticFeedJob(ITimeSeriesWriter writer, IKpiResults kpis, RunHistory history, IOptions<IngestionOptions> options, TimeProvider time, ILogger<SyntheticFeedJob> logger)
{
    public const string Name = "synthetic-feed";

    /// <summary>The recurring job (Hangfire passes its shutdown token).</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next run writes the same month again
    [JobDisplayName("Synthetic feed")]
    public async Task RunAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken).ConfigureAwait(false);

    public async Task<RunStatus> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var label = $"synthetic {now.Year:D4}-{now.Month:D2}";
        var runId = await history.StartAsync(Name, label, null, cancellationToken).ConfigureAwait(false);
        try
        {
            var feed = ProvincialSeriesGenerator.MonthlyFeed(now.Year, now.Month, options.Value.SyntheticSeed);
            var written = await writer.WriteAsync(feed, cancellationToken).ConfigureAwait(false);
            await kpis.RefreshAsync(cancellationToken).ConfigureAwait(false);
            await history.FinishAsync(runId, RunStatus.Succeeded, feed.Count, written, 0, null, null, CancellationToken.None).ConfigureAwait(false);
            LogFed(logger, label, written);
            return RunStatus.Succeeded;
        }
        catch (StoreException ex)
        {
            // The next scheduled run writes the same month again: nothing is lost by failing here.
            await history.FinishAsync(runId, RunStatus.Failed, 0, 0, 0, ex.Message, null, CancellationToken.None).ConfigureAwait(false);
            return RunStatus.Failed;
        }
        catch (OperationCanceledException)
        {
            await history.FinishAsync(runId, RunStatus.Interrupted, 0, 0, 0, "cancelled (shutdown)", null, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synthetic feed {Label}: {Written} points")]
    private static partial void LogFed(ILogger logger, string label, int written);
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion.Jobs;

namespace PeakMonitor.Cli.Commands;

/// <summary><c>peakmonitor jobs run inbox|synthetic</c> runs a scheduled job once, now; <c>jobs history</c> lists recent runs.</summary>
internal static class JobsCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var job = new Argument<string>("job") { Description = "inbox (import the files waiting in the inbox) or synthetic (this month's synthetic feed)." };
        job.AcceptOnlyFromAmong("inbox", "synthetic");
        var run = new Command("run", "Run a job once, now (the web app runs them on their schedules).") { job };
        run.SetAction(async (parsed, cancellationToken) => await WithHostAsync(globals, parsed, stderr, async services =>
        {
            if (parsed.GetValue(job) == "synthetic")
            {
                var status = await services.GetRequiredService<SyntheticFeedJob>().RunOnceAsync(cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"synthetic feed: {status.ToString().ToLowerInvariant()}").ConfigureAwait(false);
                return status == RunStatus.Succeeded ? 0 : IngestCommand.StoreUnavailable;
            }

            var runs = await services.GetRequiredService<InboxImportJob>().RunOnceAsync(cancellationToken).ConfigureAwait(false);
            foreach (var r in runs)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  run {r.RunId}: {r.Status.ToString().ToLowerInvariant()}, {r.Outcome?.Written ?? 0} points{(r.Error is null ? string.Empty : " — " + r.Error.Split('\n')[0])}")).ConfigureAwait(false);
            }

            await stdout.WriteLineAsync($"inbox: {runs.Count} file(s) in {services.GetRequiredService<IOptions<IngestionOptions>>().Value.Inbox}").ConfigureAwait(false);
            return runs.All(r => r.Status is RunStatus.Succeeded or RunStatus.Skipped) ? 0 : IngestCommand.InvalidInput;
        }).ConfigureAwait(false));

        var limit = new Option<int>("--limit") { Description = "How many runs, newest first.", DefaultValueFactory = _ => 20 };
        var history = new Command("history", "List recent ingestion runs (job, file, SHA-256, start, end, status, rows, error).") { limit };
        history.SetAction(async (parsed, cancellationToken) =>
        {
            // The run history is read straight from its store (the SQLite file, or ConnectionStrings:Jobs): no influxd is needed for it.
            var history = RunHistory.For(GlobalOptions.IngestionOptions(), TimeProvider.System, GlobalOptions.Configuration().GetConnectionString("Jobs"));
            var runs = await history.ListAsync(parsed.GetValue(limit), cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync("id    job             status       read     written  rejected  started                    file").ConfigureAwait(false);
            foreach (var r in runs)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id,-5} {r.Job,-15} {r.Status.ToString().ToLowerInvariant(),-12} {r.RowsRead,8} {r.RowsWritten,10} {r.RowsRejected,9}  {r.Started:yyyy-MM-dd HH:mm:ss}Z  {r.File} {r.Sha256?[..Math.Min(12, r.Sha256.Length)]}{(r.Error is null ? string.Empty : "  " + r.Error.Split('\n')[0])}")).ConfigureAwait(false);
            }

            return 0;
        });

        return new Command("jobs", "Ingestion jobs: run one now, or see the run history.") { run, history };
    }

    private static async Task<int> WithHostAsync(GlobalOptions globals, ParseResult parsed, TextWriter stderr, Func<IServiceProvider, Task<int>> action)
    {
        try
        {
            var host = globals.BuildHost(parsed);
            await using var disposeHost = (IAsyncDisposable)host;
            await host.StartAsync().ConfigureAwait(false);
            try
            {
                return await action(host.Services).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is StoreException or InfluxdNotInstalledException or OptionsValidationException)
        {
            await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
            return IngestCommand.StoreUnavailable;
        }
    }
}

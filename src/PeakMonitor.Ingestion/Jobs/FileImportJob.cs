using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Import;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>What an import job reports when it has finished a file (for the upload's page and audit log).</summary>
public sealed record FinishedImport(string Job, string? BackgroundJobId, string File, string? RequestedBy, ImportRun Run);

/// <summary>Told when an import job finishes a file, on whichever instance ran it (the web app audits uploads).</summary>
public interface IImportObserver
{
    Task FinishedAsync(FinishedImport import, CancellationToken cancellationToken);
}

/// <summary>An import job's outcome as kept with the job (a Hangfire job parameter), readable by every instance.</summary>
public sealed record ImportJobOutcome(long RunId, string Status, long Rows, long Written, int MissingValues, int KpiResults, string? Error, IReadOnlyList<CsvRowError> Problems, int ProblemCount);

/// <summary>Where a running import stands (a job parameter, refreshed about once a second).</summary>
public sealed record ImportJobProgress(string Phase, long Rows, long Written);

/// <summary>Imports in one process at a time: each holds a validation index and a write chunk in memory.</summary>
public sealed class ImportSlots
{
    public SemaphoreSlim Slots { get; } = new(2, 2);
}

/// <summary>
/// Imports one claimed file (an inbox file moved to <c>inbox/.working/ID/</c>, or a saved upload) as a
/// Hangfire background job, on whichever instance takes it. A job whose process ended mid-import is
/// handed to a worker again by the queue: the earlier attempt's run is then marked interrupted, and
/// after <see cref="IngestionRecovery.MaxProcessEnds"/> such ends on the same content the file goes to
/// <c>failed/</c> instead (no crash loop). A store that stays down through the client's retries is
/// tried again as a scheduled job after each of <see cref="IngestionOptions.StoreRetryDelays"/>.
/// Rejected files are never retried: their content will not change.
/// </summary>
public sealed partial class FileImportJob(
    ImportRunner runner,
    RunHistory history,
    ImportSlots slots,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    IEnumerable<IImportObserver> observers,
    IBackgroundJobClient? jobs,
    ILogger<FileImportJob> logger)
{
    public const string OutcomeParameter = "outcome";
    public const string ProgressParameter = "progress";

    /// <summary>Set instead of the outcome when a store failure scheduled the next attempt: that job's id.</summary>
    public const string RetryParameter = "retry";

    /// <summary>The Hangfire entry point (Hangfire passes the context and its shutdown token).</summary>
    [AutomaticRetry(Attempts = 0)] // store failures are retried by us, with our delays; a crash by the queue re-running this job
    [JobDisplayName("Import {1} ({0}, attempt {2})")]
    public async Task RunAsync(string job, string path, int attempt, string? requestedBy, PerformContext? context, CancellationToken cancellationToken)
    {
        await slots.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var last = DateTimeOffset.MinValue;
            var progress = new SyncProgress(p =>
            {
                // A job parameter is a database write: about one a second is enough for a progress bar.
                var now = time.GetUtcNow();
                if (context is not null && (now - last >= TimeSpan.FromSeconds(1) || p.Phase == "done"))
                {
                    last = now;
                    context.SetJobParameter(ProgressParameter, new ImportJobProgress(p.Phase, p.Rows, p.Written));
                }
            });
            string? retry = null;
            var run = await ImportClaimedAsync(job, path, attempt, retryLater: jobs is not null, progress, cancellationToken, id => retry = id).ConfigureAwait(false);
            if (run is null)
            {
                return;
            }

            // A failed attempt with a retry to come is not the import's outcome: readers follow the retry instead.
            context?.SetJobParameter(retry is null ? OutcomeParameter : RetryParameter, retry is null ? OutcomeOf(run) : retry);
            if (run.Status != RunStatus.Failed || !WillRetry(attempt))
            {
                foreach (var observer in observers)
                {
                    await observer.FinishedAsync(new FinishedImport(job, context?.BackgroundJob.Id, Path.GetFileName(path), requestedBy, run), CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            slots.Slots.Release();
        }
    }

    public static ImportJobOutcome OutcomeOf(ImportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ImportJobOutcome(run.RunId, run.Status.ToString().ToLowerInvariant(), run.Outcome?.RowsRead ?? 0, run.Outcome?.Written ?? 0, run.Outcome?.MissingValues ?? 0, run.KpiResults, run.Error, run.Errors.Take(200).ToArray(), run.Errors.Count);
    }

    /// <summary>
    /// Imports a claimed file and files it away; null when there was nothing (left) to import. With
    /// <paramref name="retryLater"/>, a store failure with retries left schedules the next attempt and
    /// leaves the file where it is, and tells <paramref name="retryScheduled"/> the next attempt's job id.
    /// </summary>
    public async Task<ImportRun?> ImportClaimedAsync(string job, string path, int attempt, bool retryLater, IProgress<ImportProgress>? progress, CancellationToken cancellationToken, Action<string>? retryScheduled = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var o = options.Value;
        if (!File.Exists(path))
        {
            // An earlier attempt of this job filed the file away, then its process ended before the queue heard.
            LogNothingLeft(logger, path);
            return null;
        }

        var claim = ClaimOf(path);
        await history.MarkInterruptedAsync(claim, cancellationToken).ConfigureAwait(false);
        if (await history.CountRunsAsync(claim, cancellationToken).ConfigureAwait(false) > 0)
        {
            // A rerun of this claim: stop when the process has ended too often on this content.
            var ends = await history.ProcessEndsAsync(await HashAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (ends.Count >= IngestionRecovery.MaxProcessEnds)
            {
                var name = Path.GetFileName(path);
                var failed = Path.Combine(o.Failed, $"{Stamp()}-{name}");
                Directory.CreateDirectory(o.Failed);
                File.Move(path, failed, overwrite: true);
                await File.WriteAllTextAsync(failed + ".error.txt", IngestionRecovery.CrashReport(name, ends), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                DeleteClaimFolder(path, o);
                LogGaveUp(logger, name, ends.Count, failed);
                return new ImportRun(ends[^1], RunStatus.Interrupted, null, [], IngestionRecovery.CrashReport(name, ends).Trim(), 0);
            }
        }

        var run = await runner.RunAsync(job, path, claim, skipIfImported: false, progress, cancellationToken).ConfigureAwait(false);
        if (run.Status == RunStatus.Failed && retryLater && WillRetry(attempt) && jobs is not null)
        {
            var delay = o.RetryDelays()[attempt];
            var next = jobs.Schedule<FileImportJob>(j => j.RunAsync(job, path, attempt + 1, null, null, CancellationToken.None), delay);
            retryScheduled?.Invoke(next);
            LogRetry(logger, Path.GetFileName(path), attempt + 1, delay);
            return run;
        }

        FileAway(run, path, o);
        LogRun(logger, Path.GetFileName(path), job, run.Status.ToString(), run.Outcome?.Written ?? 0, run.Error ?? string.Empty);
        return run;
    }

    private bool WillRetry(int attempt) => attempt < options.Value.RetryDelays().Count;

    /// <summary>The claimed file's place inside the data folder: the same for every instance sharing it.</summary>
    private string ClaimOf(string path) => Path.GetRelativePath(Path.GetFullPath(options.Value.DataDirectory), Path.GetFullPath(path)).Replace('\\', '/');

    private string Stamp() => time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    private void FileAway(ImportRun run, string path, IngestionOptions o)
    {
        var name = Path.GetFileName(path);
        var upload = IsUnder(path, o.Uploads);
        switch (run.Status)
        {
            case RunStatus.Succeeded or RunStatus.Skipped when upload:
                File.Delete(path);
                break;
            case RunStatus.Succeeded or RunStatus.Skipped:
                File.Move(path, Path.Combine(o.Processed, $"{Stamp()}-{name}"), overwrite: true);
                break;
            case RunStatus.Rejected when upload:
                // The uploader reads every problem on the page; the file itself is not kept.
                File.Delete(path);
                break;
            case RunStatus.Rejected:
                var rejected = Path.Combine(o.Rejected, $"{Stamp()}-{name}");
                File.Move(path, rejected, overwrite: true);
                File.WriteAllText(rejected + ".errors.txt", Report(name, run), new UTF8Encoding(false));
                break;
            default:
                var failed = Path.Combine(o.Failed, $"{Stamp()}-{name}");
                File.Move(path, failed, overwrite: true);
                File.WriteAllText(failed + ".error.txt", $"{name}: not imported (run {run.RunId}): {run.Error}\nThe store kept failing after every retry; move the file back into inbox/ to try again.\n", new UTF8Encoding(false));
                break;
        }

        DeleteClaimFolder(path, o);
    }

    /// <summary>A claim's or an upload's own folder goes once its file is filed away.</summary>
    private static void DeleteClaimFolder(string path, IngestionOptions o)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if ((IsUnder(folder, o.Working) || IsUnder(folder, o.Uploads)) && Directory.Exists(folder) && Directory.GetFileSystemEntries(folder).Length == 0)
        {
            Directory.Delete(folder);
        }
    }

    private static bool IsUnder(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }

    private static string Report(string name, ImportRun run)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{name}: rejected (run {run.RunId}); nothing from it was stored. {run.Errors.Count} problem(s):");
        foreach (var e in run.Errors)
        {
            sb.AppendLine(e.ToString());
        }

        return sb.ToString();
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Progress reported on the importing thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of {File} ({Job}): {Status}, {Written} points. {Error}")]
    private static partial void LogRun(ILogger logger, string file, string job, string status, int written, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import of {File}: the store is down; attempt {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, string file, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job for {Path}: the file is gone (an earlier attempt filed it away)")]
    private static partial void LogNothingLeft(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The process ended {Times} times while importing {File}: moved to {Failed} instead of retrying it")]
    private static partial void LogGaveUp(ILogger logger, string file, int times, string failed);
}

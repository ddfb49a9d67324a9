using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// The inbox: every file that has stopped changing is claimed — moved to <c>inbox/.working/ID/</c>, an
/// atomic rename, so of several instances sharing the folder exactly one gets it — and imported by a
/// <see cref="FileImportJob"/> of its own, which files it into <c>processed/</c>, <c>rejected/</c>
/// (with <c>NAME.errors.txt</c>) or <c>failed/</c> (with <c>NAME.error.txt</c>) — never lost.
/// </summary>
public sealed partial class InboxImportJob(FileImportJob importer, IOptions<IngestionOptions> options, TimeProvider time, ILogger<InboxImportJob> logger, IBackgroundJobClient? jobs = null)
{
    public const string Name = "inbox-import";

    /// <summary>
    /// The recurring job: claims the settled files and enqueues one import job each (they run on any
    /// instance, two at a time per instance). One scan at a time across instances.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next scheduled scan looks again
    [JobDisplayName("Inbox scan")]
    public Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var client = jobs ?? throw new InvalidOperationException("The inbox scan enqueues jobs: it needs the Hangfire client (AddIngestion with a job store).");
        var claimed = 0;
        foreach (var path in Claim(cancellationToken))
        {
            client.Enqueue<FileImportJob>(j => j.RunAsync(Name, path, 0, null, null, CancellationToken.None));
            claimed++;
        }

        if (claimed > 0)
        {
            LogClaimed(logger, claimed);
        }

        return Task.FromResult(claimed);
    }

    /// <summary>Claims and imports every settled file in the inbox here and now, one after another (the CLI); returns the runs.</summary>
    public async Task<IReadOnlyList<ImportRun>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var runs = new List<ImportRun>();
        foreach (var path in Claim(cancellationToken))
        {
            if (await importer.ImportClaimedAsync(Name, path, attempt: 0, retryLater: false, progress: null, cancellationToken).ConfigureAwait(false) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>The settled files of the inbox, oldest first, each moved into a claim folder of its own; a file another instance claimed first is passed over.</summary>
    private List<string> Claim(CancellationToken cancellationToken)
    {
        var o = options.Value;
        o.EnsureFolders();
        var now = time.GetUtcNow();
        var files = new DirectoryInfo(o.Inbox).GetFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) && !f.Name.EndsWith(".part", StringComparison.OrdinalIgnoreCase))
            .Where(f => now - new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero) >= o.InboxSettleTime)
            .OrderBy(f => f.LastWriteTimeUtc)
            .ToArray();
        var claimed = new List<string>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = Path.Combine(o.Working, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, file.Name);
            try
            {
                File.Move(file.FullName, target, overwrite: false);
                claimed.Add(target);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
            {
                // Another instance (or a user) moved it first: it is theirs.
                Directory.Delete(folder);
            }
        }

        return claimed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox: {Count} file(s) claimed, one import job each")]
    private static partial void LogClaimed(ILogger logger, int count);
}

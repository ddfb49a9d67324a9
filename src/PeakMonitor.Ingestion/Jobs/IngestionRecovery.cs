using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// At startup, before the scheduler: runs left 'running' by a process that ended are marked
/// interrupted, and their files (claimed inbox files, and uploads whose import was cut off) go back into
/// the inbox to be retried — unless the process has now ended twice while importing that content:
/// then the file is moved to <c>failed/</c> with an explanation, so that one file that kills the
/// process cannot keep it in a crash loop.
/// </summary>
public sealed partial class IngestionRecovery(RunHistory history, IOptions<IngestionOptions> options, TimeProvider time, ILogger<IngestionRecovery> logger) : IHostedService
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
        var interrupted = await history.MarkInterruptedAsync(cancellationToken).ConfigureAwait(false);
        ClaimLeftUploads(o);
        var requeued = 0;
        foreach (var file in Directory.GetFiles(o.Working))
        {
            var name = Path.GetFileName(file);
            var ends = await history.ProcessEndsAsync(await HashAsync(file, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (ends.Count >= MaxProcessEnds)
            {
                var failed = Path.Combine(o.Failed, $"{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{name}");
                File.Move(file, failed, overwrite: true);
                await File.WriteAllTextAsync(failed + ".error.txt", CrashReport(name, ends), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                LogGaveUp(logger, name, ends.Count, failed);
                continue;
            }

            File.Move(file, Path.Combine(o.Inbox, name), overwrite: false);
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

    /// <summary>An upload's import runs in the web app's memory only: one cut off by the process's end is retried through the inbox.</summary>
    private static void ClaimLeftUploads(IngestionOptions o)
    {
        var uploads = Path.Combine(o.DataDirectory, "uploads");
        if (!Directory.Exists(uploads))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(uploads))
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                var target = Path.Combine(o.Working, Path.GetFileName(file));
                File.Move(file, File.Exists(target) ? Path.Combine(o.Working, $"{Path.GetFileName(folder)[..8]}-{Path.GetFileName(file)}") : target);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Runs} run(s) were interrupted by the end of their process; {Files} file(s) put back into the inbox to be retried")]
    private static partial void LogRecovered(ILogger logger, int runs, int files);

    [LoggerMessage(Level = LogLevel.Error, Message = "The process ended {Times} times while importing {File}: moved to {Failed} instead of retrying it")]
    private static partial void LogGaveUp(ILogger logger, string file, int times, string failed);
}

using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// Imports the files dropped into <c>inbox/</c>: a file is claimed (moved to <c>inbox/.working/</c>),
/// imported, then moved to <c>processed/</c>, to <c>rejected/</c> with <c>NAME.errors.txt</c> listing
/// every bad row, or to <c>failed/</c> with <c>NAME.error.txt</c> when the store stayed down through
/// every retry — never lost. One run at a time.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class InboxImportJob(ImportRunner runner, IOptions<IngestionOptions> options, TimeProvider time, ILogger<InboxImportJob> logger) : IJob
{
    public const string Name = "inbox-import";

    public static readonly JobKey Key = new(Name, "ingestion");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RunOnceAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports every settled file in the inbox; returns the runs.</summary>
    public async Task<IReadOnlyList<ImportRun>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        o.EnsureFolders();
        var now = time.GetUtcNow();
        var files = new DirectoryInfo(o.Inbox).GetFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) && !f.Name.EndsWith(".part", StringComparison.OrdinalIgnoreCase))
            .Where(f => now - new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero) >= o.InboxSettleTime)
            .OrderBy(f => f.LastWriteTimeUtc)
            .ToArray();
        var runs = new List<ImportRun>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var working = Path.Combine(o.Working, file.Name);
            System.IO.File.Move(file.FullName, working, overwrite: true);
            var run = await runner.RunAsync(Name, working, skipIfImported: false, progress: null, cancellationToken).ConfigureAwait(false);
            runs.Add(run);
            FileAway(run, working, o);
            LogRun(logger, file.Name, run.Status.ToString(), run.Outcome?.Written ?? 0, run.Error ?? string.Empty);
        }

        return runs;
    }

    private void FileAway(ImportRun run, string working, IngestionOptions o)
    {
        var name = Path.GetFileName(working);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        switch (run.Status)
        {
            case RunStatus.Succeeded or RunStatus.Skipped:
                System.IO.File.Move(working, Path.Combine(o.Processed, $"{stamp}-{name}"), overwrite: true);
                break;
            case RunStatus.Rejected:
                var rejected = Path.Combine(o.Rejected, $"{stamp}-{name}");
                System.IO.File.Move(working, rejected, overwrite: true);
                System.IO.File.WriteAllText(rejected + ".errors.txt", Report(name, run), new UTF8Encoding(false));
                break;
            default:
                var failed = Path.Combine(o.Failed, $"{stamp}-{name}");
                System.IO.File.Move(working, failed, overwrite: true);
                System.IO.File.WriteAllText(failed + ".error.txt", $"{name}: not imported (run {run.RunId}): {run.Error}\nThe store kept failing after every retry; move the file back into inbox/ to try again.\n", new UTF8Encoding(false));
                break;
        }
    }

    private static string Report(string name, ImportRun run)
    {
        var sb = new StringBuilder();
        sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{name}: rejected (run {run.RunId}); nothing from it was stored. {run.Errors.Count} problem(s):");
        foreach (var e in run.Errors)
        {
            sb.AppendLine(e.ToString());
        }

        return sb.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox import of {File}: {Status}, {Written} points. {Error}")]
    private static partial void LogRun(ILogger logger, string file, string status, int written, string error);
}

using PeakMonitor.Accounts;
using System.Collections.Concurrent;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.Ingestion.Jobs;

namespace PeakMonitor.Web.Dashboard;

/// <summary>Where an upload's import stands, for the Data page's live progress bar.</summary>
public sealed class TrackedImport
{
    public required string Id { get; init; }

    public required string File { get; init; }

    public string Phase { get; set; } = "queued";

    public long Rows { get; set; }

    public long Written { get; set; }

    public string Status { get; set; } = "running";

    public long? RunId { get; set; }

    public string? Error { get; set; }

    public IReadOnlyList<string> Problems { get; set; } = [];
}

/// <summary>
/// Runs uploaded imports in the background and remembers their progress for a while, so the page
/// can poll <c>/api/imports/{id}</c> and move a progress bar (static SSR has no push channel).
/// </summary>
public sealed class ImportTracker(IServiceScopeFactory scopes, ReadCache reads, AuditLog audit, ILogger<ImportTracker> logger)
{
    private readonly ConcurrentDictionary<string, TrackedImport> _imports = new(StringComparer.Ordinal);

    // Bounded: a burst of uploads queues instead of running all at once (each holds a validation index in memory).
    private readonly SemaphoreSlim _slots = new(2, 2);

    public TrackedImport? Get(string id) => _imports.GetValueOrDefault(id);

    /// <summary>Starts importing a saved upload; the file's folder is deleted afterwards, the outcome goes to the audit log under <paramref name="actor"/>.</summary>
    public TrackedImport Start(string path, string name, string actor)
    {
        var tracked = new TrackedImport { Id = Guid.NewGuid().ToString("N"), File = name };
        _imports[tracked.Id] = tracked;
        _ = Task.Run(async () =>
        {
            await _slots.WaitAsync();
            try
            {
                using var scope = scopes.CreateScope();
                var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
                var progress = new SynchronousProgress<ImportProgress>(p =>
                {
                    tracked.Phase = p.Phase;
                    tracked.Rows = p.Rows;
                    tracked.Written = p.Written;
                });
                var run = await runner.RunAsync("upload", path, skipIfImported: false, progress, CancellationToken.None);
                tracked.RunId = run.RunId;
                tracked.Written = run.Outcome?.Written ?? 0;
                tracked.Rows = run.Outcome?.RowsRead ?? tracked.Rows;
                tracked.Error = run.Error;
                tracked.Problems = run.Errors.Take(200).Select(e => e.ToString()).ToArray();
                tracked.Phase = "done";
                tracked.Status = run.Status.ToString().ToLowerInvariant();
                if (run.Status == RunStatus.Succeeded)
                {
                    reads.Clear(); // the KPI results were refreshed by the import itself
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                tracked.Status = "failed";
                tracked.Error = ex.Message;
                LogFailed(logger, name, ex.Message);
            }
            finally
            {
                _slots.Release();
                TryDelete(Path.GetDirectoryName(path)!);
                Prune();
                await audit.WriteAsync(actor, AuditActions.Upload, name, $"{tracked.Status}: import {tracked.Id}, run {tracked.RunId}, {tracked.Written} points{(tracked.Error is null ? string.Empty : " — " + tracked.Error.Split('\n')[0])}", null, CancellationToken.None);
            }
        });
        return tracked;
    }

    private void Prune()
    {
        // Keep the most recent hundred; older ones were long since read.
        foreach (var old in _imports.Values.Where(t => t.Status != "running").OrderByDescending(t => t.Id).Skip(100).ToArray())
        {
            _imports.TryRemove(old.Id, out _);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void LogFailed(ILogger logger, string file, string reason) => logger.LogWarning("Upload import of {File} failed: {Reason}", file, reason);
}

using PeakMonitor.Accounts;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Reports;
using PeakMonitor.Reports.Assessment;

namespace PeakMonitor.Web.Dashboard;

/// <summary>A generated report in the archive.</summary>
public sealed record ArchivedReport(string File, int Year, string Region, string Language, string Format, long Bytes, string Sha256, DateTimeOffset GeneratedAt, DateTimeOffset? DataUpdatedAt);

/// <summary>A report generation running in the background, for the page's progress bar.</summary>
public sealed class ReportJob
{
    public required string Id { get; init; }

    public int Done { get; set; }

    public int Total { get; set; }

    public string Current { get; set; } = string.Empty;

    public string Status { get; set; } = "running";

    public string? Error { get; set; }

    public IReadOnlyList<string> Files { get; set; } = [];

    /// <summary>Who asked for it (for the per-user cap; not shown in the status answer).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Owner { get; init; } = string.Empty;
}

/// <summary>
/// Generates reports in the background (one at a time: they share one browser) into the archive
/// folder, and keeps the archive index (time, data update used, SHA-256).
/// </summary>
public sealed class ReportJobs(IServiceScopeFactory scopes, IOptions<ReportsOptions> options, IOptions<Security.RateLimitOptions> limits, TimeProvider time, AuditLog audit, ILogger<ReportJobs> logger)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly ConcurrentDictionary<string, ReportJob> _jobs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _one = new(1, 1);

    public ReportJob? Get(string id) => _jobs.GetValueOrDefault(id);

    public string Folder => Path.GetFullPath(options.Value.ArchiveDirectory);

    /// <summary>
    /// Generates in the background, one generation at a time; the outcome goes to the audit log under
    /// <paramref name="actor"/>. Null when the actor already has <see cref="Security.RateLimitOptions.MaxQueuedReportsPerUser"/>
    /// generations queued or running: one user cannot fill the queue for everyone.
    /// </summary>
    public ReportJob? Start(int year, IReadOnlyList<RegionCode> regions, bool english, string actor)
    {
        var job = new ReportJob { Id = Guid.NewGuid().ToString("N"), Total = regions.Count, Owner = actor };
        lock (_jobs)
        {
            if (_jobs.Values.Count(j => j.Owner == actor && j.Status == "running") >= limits.Value.MaxQueuedReportsPerUser)
            {
                return null;
            }

            _jobs[job.Id] = job;
        }

        _ = Task.Run(async () =>
        {
            await _one.WaitAsync();
            try
            {
                using var scope = scopes.CreateScope();
                var services = scope.ServiceProvider;
                var runs = await services.GetRequiredService<RunHistory>().ListAsync(200, CancellationToken.None);
                var dataUpdated = runs.Where(r => r.Status == RunStatus.Succeeded).Select(r => r.Ended).Max();
                var progress = new SynchronousProgress<ReportProgress>(p => { job.Done = p.Done; job.Current = p.Current; });
                var files = await services.GetRequiredService<ReportGenerator>()
                    .GenerateAsync(year, regions, english, ReportFormats.Pdf | ReportFormats.Xlsx | ReportFormats.Docx | ReportFormats.Html, Folder, progress, CancellationToken.None);
                var now = time.GetUtcNow();
                await AppendAsync(files.Select(f => new ArchivedReport(Path.GetFileName(f.Path), year, f.Region.Value, english ? "en" : "zh", f.Format.ToString().ToLowerInvariant(), f.Bytes, f.Sha256, now, dataUpdated)));
                job.Files = files.Select(f => Path.GetFileName(f.Path)).ToArray();
                job.Done = job.Total;
                job.Status = "succeeded";
            }
            catch (Exception ex) when (ex is Domain.Ports.StoreException or IOException or InvalidOperationException or Reports.Pdf.ChromiumNotInstalledException or Microsoft.Playwright.PlaywrightException or TimeoutException)
            {
                job.Status = "failed";
                job.Error = ex.Message;
                logger.LogWarning("Report generation failed: {Reason}", ex.Message);
            }
            finally
            {
                _one.Release();
                Prune();
                var scope = regions.Count == 1 ? regions[0].Value : $"{regions.Count} regions";
                await audit.WriteAsync(actor, AuditActions.ReportGenerate, $"{year} {scope} {(english ? "en" : "zh")}", $"{job.Status}: job {job.Id}, {job.Files.Count} files{(job.Error is null ? string.Empty : " — " + job.Error.Split('\n')[0])}", null, CancellationToken.None);
            }
        });
        return job;
    }

    /// <summary>Finished jobs are kept for their pages to poll, a hundred at most.</summary>
    private void Prune()
    {
        lock (_jobs)
        {
            foreach (var old in _jobs.Values.Where(j => j.Status != "running").Skip(100).ToArray())
            {
                _jobs.TryRemove(old.Id, out _);
            }
        }
    }

    /// <summary>The archive, newest first.</summary>
    public async Task<IReadOnlyList<ArchivedReport>> ArchiveAsync(CancellationToken cancellationToken)
    {
        var index = Path.Combine(Folder, "archive.json");
        if (!File.Exists(index))
        {
            return [];
        }

        await using var stream = File.OpenRead(index);
        var list = await JsonSerializer.DeserializeAsync<List<ArchivedReport>>(stream, Json, cancellationToken) ?? [];
        return list.OrderByDescending(r => r.GeneratedAt).ToArray();
    }

    /// <summary>The path of an archived file, only for names the archive lists (no path from the request reaches the file system).</summary>
    public async Task<string?> PathOfAsync(string name, CancellationToken cancellationToken) =>
        (await ArchiveAsync(cancellationToken)).Any(r => r.File == name) ? Path.Combine(Folder, name) : null;

    private async Task AppendAsync(IEnumerable<ArchivedReport> entries)
    {
        Directory.CreateDirectory(Folder);
        var list = (await ArchiveAsync(CancellationToken.None)).ToList();
        list.RemoveAll(old => entries.Any(e => e.File == old.File));
        list.AddRange(entries);
        await File.WriteAllTextAsync(Path.Combine(Folder, "archive.json"), JsonSerializer.Serialize(list, Json));
    }
}

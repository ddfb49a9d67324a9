using PeakMonitor.Accounts;
using Hangfire;
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
/// Report generation as Hangfire background jobs (they survive a restart and run on any instance; one
/// at a time per instance, since they share its browser) into the archive folder, and the archive
/// index (time, data update used, SHA-256). A generation's progress is a job parameter, so any
/// instance answers its status.
/// </summary>
public sealed class ReportJobs(JobStorage storage, IBackgroundJobClient client, IOptions<ReportsOptions> options, IOptions<Security.RateLimitOptions> limits)
{
    public const string ProgressParameter = "report";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One generation at a time in this process: they share one browser.</summary>
    internal SemaphoreSlim One { get; } = new(1, 1);

    public string Folder => Path.GetFullPath(options.Value.ArchiveDirectory);

    /// <summary>The status of generation job <paramref name="id"/>, or null when there is no such job.</summary>
    public ReportJob? Get(string id)
    {
        if (!ImportJobs.IsJobId(id))
        {
            return null;
        }

        using var connection = storage.GetConnection();
        var data = connection.GetJobData(id);
        if (data?.Job is not { } job || job.Type != typeof(ReportGenerationJob) || job.Args.Count < 4)
        {
            return null;
        }

        var json = connection.GetJobParameter(id, ProgressParameter);
        var regions = job.Args[1] is string[] r ? r.Length : 0;
        var status = string.IsNullOrEmpty(json) ? null : Hangfire.Common.SerializationHelper.Deserialize<ReportJob>(json);
        if (status is not null)
        {
            return status;
        }

        var failed = data.State == Hangfire.States.FailedState.StateName || data.State == Hangfire.States.DeletedState.StateName;
        return new ReportJob { Id = id, Total = regions, Status = failed ? "failed" : "running", Error = failed ? connection.GetStateData(id)?.Reason ?? data.State : null };
    }

    /// <summary>
    /// Queues a generation; the outcome goes to the audit log under <paramref name="actor"/>. Null when
    /// the actor already has <see cref="Security.RateLimitOptions.MaxQueuedReportsPerUser"/> generations
    /// queued or running (on any instance): one user cannot fill the queue for everyone.
    /// </summary>
    public ReportJob? Start(int year, IReadOnlyList<RegionCode> regions, bool english, string actor)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var key = "peakmonitor:reports:" + actor;
        using var connection = storage.GetConnection();

        // The user's generations are a set in the job store, checked and added to under a lock that every instance takes.
        using (connection.AcquireDistributedLock(key, TimeSpan.FromSeconds(30)))
        {
            var ids = connection.GetAllItemsFromSet(key);
            var finished = ids.Where(id => connection.GetJobData(id)?.State is not { } state || Finished.Contains(state)).ToArray();
            if (ids.Count - finished.Length >= limits.Value.MaxQueuedReportsPerUser)
            {
                return null;
            }

            var codes = regions.Select(r => r.Value).ToArray();
            var jobId = client.Enqueue<ReportGenerationJob>(j => j.RunAsync(year, codes, english, actor, null, CancellationToken.None));
            using var transaction = connection.CreateWriteTransaction();
            foreach (var id in finished)
            {
                transaction.RemoveFromSet(key, id);
            }

            transaction.AddToSet(key, jobId);
            transaction.Commit();
            return new ReportJob { Id = jobId, Total = regions.Count, Owner = actor };
        }
    }

    private static readonly HashSet<string> Finished = new(StringComparer.Ordinal)
    {
        Hangfire.States.SucceededState.StateName,
        Hangfire.States.FailedState.StateName,
        Hangfire.States.DeletedState.StateName,
    };

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

    internal async Task AppendAsync(IEnumerable<ArchivedReport> entries)
    {
        Directory.CreateDirectory(Folder);
        var list = (await ArchiveAsync(CancellationToken.None)).ToList();
        list.RemoveAll(old => entries.Any(e => e.File == old.File));
        list.AddRange(entries);
        await File.WriteAllTextAsync(Path.Combine(Folder, "archive.json"), JsonSerializer.Serialize(list, Json));
    }
}

using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using PeakMonitor.Ingestion.Jobs;

namespace PeakMonitor.Web.Dashboard;

/// <summary>Where an import job stands, for the upload's status answer and the Data page.</summary>
public sealed record ImportStatus(string Id, string File, string Phase, long Rows, long Written, string Status, long? RunId, string? Error, IReadOnlyList<string> Problems, ImportJobOutcome? Outcome);

/// <summary>
/// Reads an import job from the job store (Hangfire), whichever instance runs it: its state, the
/// progress it reports and, once it has finished, its outcome (job parameters of <see cref="FileImportJob"/>).
/// </summary>
public sealed class ImportJobs(JobStorage storage, TimeProvider time)
{
    /// <summary>
    /// The status of import job <paramref name="id"/>, or null when there is no such import job. An attempt
    /// that failed on the store and scheduled another answers with the later attempt's status (phase "retrying"
    /// while it waits), so an upload is never reported failed while it will still be tried.
    /// </summary>
    public ImportStatus? Get(string id) => Get(id, hops: 0);

    private ImportStatus? Get(string id, int hops)
    {
        if (!IsJobId(id))
        {
            return null;
        }

        using var connection = storage.GetConnection();
        var data = connection.GetJobData(id);
        if (data?.Job is not { } job || job.Type != typeof(FileImportJob) || job.Args.Count < 2 || job.Args[1] is not string path)
        {
            return null;
        }

        var file = Path.GetFileName(path);
        var outcome = Parameter<ImportJobOutcome>(connection, id, FileImportJob.OutcomeParameter);
        if (outcome is not null)
        {
            return new ImportStatus(id, file, "done", outcome.Rows, outcome.Written, outcome.Status, outcome.RunId, outcome.Error, outcome.Problems.Select(p => p.ToString()).ToArray(), outcome);
        }

        if (data.State == FailedState.StateName || data.State == DeletedState.StateName)
        {
            var reason = connection.GetStateData(id)?.Reason;
            return new ImportStatus(id, file, "done", 0, 0, "failed", null, reason ?? data.State, [], null);
        }

        if (hops < 10 && connection.GetJobParameter(id, FileImportJob.RetryParameter) is { Length: > 0 } retry
            && SerializationHelper.Deserialize<string>(retry) is { } next && Get(next, hops + 1) is { } later)
        {
            return later.Phase == "queued" ? later with { Phase = "retrying" } : later;
        }

        var progress = Parameter<ImportJobProgress>(connection, id, FileImportJob.ProgressParameter);
        var phase = progress?.Phase ?? (data.State == ProcessingState.StateName ? "started" : "queued");
        return new ImportStatus(id, file, phase, progress?.Rows ?? 0, progress?.Written ?? 0, "running", null, null, [], null);
    }

    /// <summary>Waits until import job <paramref name="id"/> has finished or <paramref name="timeout"/> has passed; returns its last status.</summary>
    public async Task<ImportStatus?> WaitAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + timeout;
        while (true)
        {
            var status = Get(id);
            if (status is null || status.Status != "running" || time.GetUtcNow() >= until)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }
    }

    /// <summary>Both job stores number their jobs; anything else names no job (and the SQLite store would throw on it).</summary>
    public static bool IsJobId(string? id) => id is { Length: > 0 and <= 19 } && id.All(char.IsAsciiDigit);

    private static T? Parameter<T>(Hangfire.Storage.IStorageConnection connection, string id, string name)
        where T : class
    {
        var json = connection.GetJobParameter(id, name);
        return string.IsNullOrEmpty(json) ? null : SerializationHelper.Deserialize<T>(json);
    }
}

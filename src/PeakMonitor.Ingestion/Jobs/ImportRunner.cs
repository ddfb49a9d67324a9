using PeakMonitor.Domain.Ports;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Import;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>How one recorded import ended.</summary>
public sealed record ImportRun(long RunId, RunStatus Status, ImportOutcome? Outcome, IReadOnlyList<CsvRowError> Errors, string? Error, int KpiResults);

/// <summary>
/// One import as every entry point runs it (inbox job, CLI): recorded in the run history, validated
/// and written by <see cref="FileImporter"/>, then the KPI results recomputed (before the run counts as
/// succeeded, so no page waits for them). Rejection and store failure are outcomes here, not
/// exceptions, so callers can file the file accordingly.
/// </summary>
public sealed class ImportRunner(FileImporter importer, IKpiResults kpis, RunHistory history)
{
    public Task<ImportRun> RunAsync(string job, string path, bool skipIfImported, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(job, path, claim: null, skipIfImported, progress, published: null, cancellationToken);

    /// <summary>Imports <paramref name="path"/>, its undated values as published on <paramref name="published"/> (null: the import's date).</summary>
    public Task<ImportRun> RunAsync(string job, string path, bool skipIfImported, IProgress<ImportProgress>? progress, DateOnly? published, CancellationToken cancellationToken) =>
        RunAsync(job, path, claim: null, skipIfImported, progress, published, cancellationToken);

    public Task<ImportRun> RunAsync(string job, string path, string? claim, bool skipIfImported, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(job, path, claim, skipIfImported, progress, published: null, cancellationToken);

    /// <summary>Imports <paramref name="path"/>; <paramref name="claim"/> names the claimed file in the run history (see <see cref="RunHistory.MarkInterruptedAsync(string, CancellationToken)"/>).</summary>
    public async Task<ImportRun> RunAsync(string job, string path, string? claim, bool skipIfImported, IProgress<ImportProgress>? progress, DateOnly? published, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var sha = File.Exists(path) ? await HashAsync(path, cancellationToken).ConfigureAwait(false) : null;
        var runId = await history.StartAsync(job, name, sha, claim, cancellationToken).ConfigureAwait(false);
        if (skipIfImported && sha is not null && await history.SucceededBeforeAsync(sha, cancellationToken).ConfigureAwait(false))
        {
            await history.FinishAsync(runId, RunStatus.Skipped, 0, 0, 0, "the same content was imported before", sha, CancellationToken.None).ConfigureAwait(false);
            return new ImportRun(runId, RunStatus.Skipped, null, [], null, 0);
        }

        try
        {
            var outcome = await importer.ImportAsync(path, progress, published, cancellationToken).ConfigureAwait(false);
            var kpiResults = (await kpis.RefreshAsync(cancellationToken).ConfigureAwait(false)).Results.Count;
            await history.FinishAsync(runId, RunStatus.Succeeded, outcome.RowsRead, outcome.Written, 0, null, outcome.Sha256, CancellationToken.None).ConfigureAwait(false);
            return new ImportRun(runId, RunStatus.Succeeded, outcome, [], null, kpiResults);
        }
        catch (CsvImportException ex)
        {
            var rejectedRows = ex.Errors.Select(e => e.Line).Distinct().Count();
            await history.FinishAsync(runId, RunStatus.Rejected, 0, 0, rejectedRows, $"{ex.Errors.Count} problem(s); first: {ex.Errors[0]}", sha, CancellationToken.None).ConfigureAwait(false);
            return new ImportRun(runId, RunStatus.Rejected, null, ex.Errors, ex.Message, 0);
        }
        catch (Exception ex) when (ex is StoreException or InvalidOperationException or IOException)
        {
            await history.FinishAsync(runId, RunStatus.Failed, 0, 0, 0, ex.Message, sha, CancellationToken.None).ConfigureAwait(false);
            return new ImportRun(runId, RunStatus.Failed, null, [], ex.Message, 0);
        }
        catch (OperationCanceledException)
        {
            await history.FinishAsync(runId, RunStatus.Interrupted, 0, 0, 0, "cancelled (shutdown)", sha, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}

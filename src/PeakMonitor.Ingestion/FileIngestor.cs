using PeakMonitor.Domain.Ports;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion;

/// <summary>What an ingest run stored.</summary>
public sealed record IngestSummary(int Files, int PointsWritten, int MissingValues);

/// <summary>
/// Ingests canonical CSV files: every file is read and validated first; only if all of them are
/// valid is anything written, so a bad file in a batch leaves the store as it was.
/// </summary>
public sealed class FileIngestor(ITimeSeriesWriter writer)
{
    public async Task<IngestSummary> IngestAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var files = await ReadAllAsync(paths, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(files, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and validates every file; throws one <see cref="CsvImportException"/> listing the problems of all of them.</summary>
    public static async Task<IReadOnlyList<CsvReadResult>> ReadAllAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new List<CsvReadResult>();
        var errors = new List<CsvRowError>();
        foreach (var path in paths)
        {
            try
            {
                results.Add(await CanonicalCsvReader.ReadFileAsync(path, cancellationToken).ConfigureAwait(false));
            }
            catch (CsvImportException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        return errors.Count > 0 ? throw new CsvImportException(errors) : results;
    }

    /// <summary>Writes files already read and validated.</summary>
    public async Task<IngestSummary> WriteAsync(IReadOnlyList<CsvReadResult> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var observations = files.SelectMany(r => r.Observations).ToArray();
        var written = await writer.WriteAsync(observations, cancellationToken).ConfigureAwait(false);
        return new IngestSummary(files.Count, written, files.Sum(r => r.MissingValues));
    }
}

using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Import;

namespace PeakMonitor.Ingestion.Csv;

/// <summary>What a data file holds: its observations in canonical units, and the rows left empty (missing, not zero).</summary>
public sealed record CsvReadResult(string File, IReadOnlyList<Observation> Observations, int MissingValues);

/// <summary>
/// Reads a whole data file into memory (canonical long CSV of indicators.md, NBS-style wide table,
/// or .xlsx), converting values to canonical units. A file is accepted whole or not at all: every bad
/// row is collected and reported together. For large files use <see cref="FileImporter"/>, which
/// streams.
/// </summary>
public static class CanonicalCsvReader
{
    public const int MaxErrors = 1000;

    public static async Task<CsvReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var observations = new List<Observation>();
        var result = await DataFileScanner.ScanFileAsync(path, Collect(observations), checkDuplicates: true, hints: null, cancellationToken, observations.Clear).ConfigureAwait(false);
        return Finish(result, observations);
    }

    public static async Task<CsvReadResult> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var observations = new List<Observation>();
        var result = await DataFileScanner.ScanAsync(stream, fileName, Collect(observations), checkDuplicates: true, hints: null, cancellationToken, observations.Clear).ConfigureAwait(false);
        return Finish(result, observations);
    }

    private static Func<Observation, ValueTask> Collect(List<Observation> into) => o =>
    {
        into.Add(o);
        return ValueTask.CompletedTask;
    };

    private static CsvReadResult Finish(ScanResult result, List<Observation> observations) =>
        result.Errors.Count > 0
            ? throw new CsvImportException(result.Errors)
            : new CsvReadResult(result.File, observations, result.MissingValues);
}

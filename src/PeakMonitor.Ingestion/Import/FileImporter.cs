using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

/// <summary>Where an import stands, for progress bars and run history.</summary>
public sealed record ImportProgress(string File, string Phase, long Rows, long Written);

/// <summary>What an import stored.</summary>
public sealed record ImportOutcome(
    string File,
    string Sha256,
    string Encoding,
    DataFileLayout Layout,
    int RowsRead,
    int Written,
    int MissingValues,
    int Attempts,
    IReadOnlyCollection<IndicatorId> Indicators,
    IReadOnlyCollection<RegionCode> Regions);

/// <summary>
/// Imports one data file with bounded memory: a validation pass over the whole file (every bad row
/// reported; nothing written if there is one), then a streaming write pass in chunks. If the store
/// fails, the whole write pass is retried with backoff; since a rewrite of the same series and period
/// overwrites, the store ends equal to the file. If the file changes between the passes, the import
/// fails rather than store something that was not validated.
/// </summary>
public sealed partial class FileImporter(ITimeSeriesWriter writer, IOptions<ImportOptions> options, TimeProvider time, ILogger<FileImporter>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public Task<ImportOutcome> ImportAsync(string path, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        ImportAsync(path, progress, published: null, cancellationToken);

    /// <param name="published">
    /// The published date of values whose row gives none (a file without a <c>published</c> column,
    /// a wide table); null: the import's date. A row's own date always wins.
    /// </param>
    public async Task<ImportOutcome> ImportAsync(string path, IProgress<ImportProgress>? progress, DateOnly? published, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var today = PublishedDate.Today(time);
        if (published is { } given && PublishedDate.TryParse(PublishedDate.ToText(given), today, out _) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(published), given, $"published {PublishedDate.ToText(given)}: {problem}");
        }

        var stamp = published ?? today;
        var rows = 0L;
        var validation = await DataFileScanner.ScanFileAsync(
            path,
            _ =>
            {
                if (++rows % 100_000 == 0)
                {
                    progress?.Report(new ImportProgress(name, "validate", rows, 0));
                }

                return ValueTask.CompletedTask;
            },
            checkDuplicates: true,
            hints: null,
            cancellationToken,
            restart: () => rows = 0,
            limits: options.Value,
            time: time).ConfigureAwait(false);
        if (validation.Errors.Count > 0)
        {
            throw new CsvImportException(validation.Errors);
        }

        progress?.Report(new ImportProgress(name, "validate", validation.Observations, 0));
        var settings = options.Value;
        var delay = settings.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var written = await WritePassAsync(path, validation, stamp, progress, cancellationToken).ConfigureAwait(false);
                return new ImportOutcome(name, validation.Sha256, validation.Encoding, validation.Layout, validation.RowsRead, written, validation.MissingValues, attempt, validation.Indicators, validation.Regions);
            }
            catch (StoreException ex) when (attempt < settings.WriteAttempts)
            {
                LogRetry(_logger, name, attempt, delay.TotalSeconds, ex.Message);
                progress?.Report(new ImportProgress(name, $"retry {attempt + 1} in {delay.TotalSeconds:0.#} s", validation.Observations, 0));
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
    }

    private async Task<int> WritePassAsync(string path, ScanResult validation, DateOnly published, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var chunkSize = options.Value.WriteChunkSize;
        var chunk = new List<Observation>(chunkSize);
        var written = 0;
        async ValueTask FlushAsync()
        {
            written += await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            chunk.Clear();
            progress?.Report(new ImportProgress(validation.File, "write", validation.Observations, written));
        }

        var pass = await DataFileScanner.ScanFileAsync(
            path,
            async o =>
            {
                // Every stored value keeps the date it was published: the row's, else the import's.
                chunk.Add(o.Published is null ? o with { Published = published } : o);
                if (chunk.Count >= chunkSize)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            },
            checkDuplicates: false,
            new ScanHints(validation.Encoding == "xlsx" ? null : validation.Encoding, validation.WideSource),
            cancellationToken,
            limits: options.Value,
            time: time).ConfigureAwait(false);
        if (chunk.Count > 0)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        if (pass.Sha256 != validation.Sha256 || pass.Errors.Count > 0 || pass.Observations != validation.Observations)
        {
            throw new InvalidOperationException($"{validation.File} changed while it was being imported; import it again.");
        }

        return written;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import of {File}: the store failed on attempt {Attempt}; retrying in {DelaySeconds:F1} s: {Reason}")]
    private static partial void LogRetry(ILogger logger, string file, int attempt, double delaySeconds, string reason);
}

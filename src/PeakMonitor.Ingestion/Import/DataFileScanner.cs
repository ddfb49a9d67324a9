using System.Security.Cryptography;
using System.Text;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

/// <summary>How to read a file in a second pass, from what the first pass found.</summary>
public sealed record ScanHints(string? Encoding = null, string? WideSource = null);

/// <summary>
/// One streaming pass over a data file (canonical CSV, NBS-style wide CSV, or .xlsx of either
/// layout), handing every valid observation to a sink and collecting every problem. Text must be
/// UTF-8 (a BOM is tolerated) or GB18030/GBK: a file that is not valid UTF-8 is read again as
/// GB18030, and rejected with a message saying so if it is neither.
/// </summary>
public static class DataFileScanner
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static DataFileScanner() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding StrictGb18030 => Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <param name="sink">Receives every observation in file order; null for a validation-only pass.</param>
    /// <param name="checkDuplicates">Track keys to report duplicates (a validation pass); costs memory proportional to the file.</param>
    /// <param name="restart">Called when the text turns out not to be UTF-8 and is read again as GB18030, so that a
    /// sink can forget what it received; without it, a sink's pass does not switch encodings (give the encoding in <paramref name="hints"/>).</param>
    public static async Task<ScanResult> ScanFileAsync(string path, Func<Observation, ValueTask>? sink, bool checkDuplicates, ScanHints? hints, CancellationToken cancellationToken, Action? restart = null)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            var missing = new ScanResult(name);
            missing.Errors.Add(new CsvRowError(name, 0, "-", null, $"file not found: {path}"));
            return missing;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ScanAsync(stream, name, sink, checkDuplicates, hints, cancellationToken, restart).ConfigureAwait(false);
        }
    }

    /// <summary>Scans a seekable stream (it is read more than once: hash, then text, then possibly as GB18030).</summary>
    public static async Task<ScanResult> ScanAsync(Stream stream, string fileName, Func<Observation, ValueTask>? sink, bool checkDuplicates, ScanHints? hints, CancellationToken cancellationToken, Action? restart = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        stream.Position = 0;
        var header = new byte[4];
        var read = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        stream.Position = 0;

        if (read == 4 && header is [0x50, 0x4B, 0x03, 0x04])
        {
            var xlsx = new ScanResult(fileName) { IsExcel = true, Encoding = "xlsx", Sha256 = sha };
            try
            {
                await ProcessAsync(ToAsync(RowSources.Xlsx(stream)), xlsx, sink, checkDuplicates, hints, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or FileFormatException)
            {
                xlsx.Errors.Add(new CsvRowError(fileName, 0, "-", null, $"not a readable .xlsx workbook: {ex.Message}"));
            }

            return xlsx;
        }

        string[] encodings = hints?.Encoding is { } known ? [known] : ["utf-8", "gb18030"];
        foreach (var encodingName in encodings)
        {
            stream.Position = 0;
            var result = new ScanResult(fileName) { Encoding = encodingName, Sha256 = sha };
            var encoding = encodingName == "utf-8" ? StrictUtf8 : StrictGb18030;
            try
            {
                using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encodingName == "utf-8", bufferSize: 1 << 16, leaveOpen: true);
                await ProcessAsync(RowSources.CsvAsync(text, fileName, result.Errors, cancellationToken), result, sink, checkDuplicates, hints, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (DecoderFallbackException) when (encodingName == "utf-8" && (sink is null || restart is not null))
            {
                // Not UTF-8: try GB18030 (a superset of GBK), as Chinese statistical offices often save.
                restart?.Invoke();
            }
            catch (DecoderFallbackException)
            {
                break;
            }
        }

        var rejected = new ScanResult(fileName) { Sha256 = sha };
        rejected.Errors.Add(new CsvRowError(fileName, 0, "-", null, "the file is neither valid UTF-8 nor GB18030/GBK text (save it as UTF-8)"));
        return rejected;
    }

    private static async Task ProcessAsync(IAsyncEnumerable<(int Line, string[] Cells)> rows, ScanResult result, Func<Observation, ValueTask>? sink, bool checkDuplicates, ScanHints? hints, CancellationToken cancellationToken)
    {
        var file = result.File;
        var errors = result.Errors;
        var seen = checkDuplicates ? new Dictionary<ObservationKey, int>() : null;
        var metadata = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        CanonicalLayout? canonical = null;
        WideLayout? wide = null;
        var decided = false;
        var footer = false;
        var lastLine = 0;

        await foreach (var (line, cells) in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            lastLine = line;
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            if (!decided)
            {
                if (wide is null && metadata.Count == 0 && CanonicalLayout.Looks(cells))
                {
                    result.Layout = DataFileLayout.Canonical;
                    canonical = CanonicalLayout.FromHeader(cells, file, line, errors);
                    decided = true;
                    if (canonical is null)
                    {
                        break;
                    }

                    continue;
                }

                if (WideLayout.IsHeader(cells))
                {
                    result.Layout = DataFileLayout.Wide;
                    wide = WideLayout.FromHeader(cells, metadata, hints?.WideSource, file, line, errors);
                    decided = true;
                    if (wide is null)
                    {
                        break;
                    }

                    continue;
                }

                if (WideLayout.Metadata(cells[0]) is { } meta && cells.Skip(1).All(c => c.Length == 0))
                {
                    metadata[meta.Key] = (meta.Value, line);
                    continue;
                }

                // Neither layout: report it against the canonical header rules.
                result.Layout = DataFileLayout.Canonical;
                CanonicalLayout.FromHeader(cells, file, line, errors);
                break;
            }

            if (wide is not null)
            {
                if (footer || WideLayout.IsFooter(cells))
                {
                    footer = true;
                    if (WideLayout.Metadata(cells[0]) is { Key: "数据来源" } source)
                    {
                        result.WideSource = source.Value;
                    }

                    continue;
                }

                result.RowsRead++;
                foreach (var parsed in wide.Row(cells, file, line, errors))
                {
                    await AcceptAsync(parsed, line, result, seen, sink).ConfigureAwait(false);
                }
            }
            else if (canonical is not null)
            {
                result.RowsRead++;
                if (canonical.Row(cells, file, line, errors) is { } parsed)
                {
                    await AcceptAsync(parsed, line, result, seen, sink).ConfigureAwait(false);
                }
            }

            if (errors.Count >= CanonicalCsvReader.MaxErrors)
            {
                errors.Add(new CsvRowError(file, line, "-", null, $"stopped after {CanonicalCsvReader.MaxErrors} problems"));
                break;
            }
        }

        if (!decided && errors.Count == 0)
        {
            errors.Add(metadata.Count == 0
                ? new CsvRowError(file, 1, "-", null, "the file is empty: a header row is required")
                : new CsvRowError(file, lastLine, "地区", null, "no 地区 header row after the metadata lines"));
        }
    }

    private static async ValueTask AcceptAsync(ParsedRow parsed, int line, ScanResult result, Dictionary<ObservationKey, int>? seen, Func<Observation, ValueTask>? sink)
    {
        if (parsed.Observation is not { } observation)
        {
            result.MissingValues++;
            return;
        }

        if (seen is not null && !seen.TryAdd(parsed.Key, line))
        {
            result.Errors.Add(new CsvRowError(result.File, line, "period", observation.Period.ToString(), $"duplicate of line {seen[parsed.Key]} (same region, indicator, sector and period)"));
            return;
        }

        result.Observations++;
        result.Indicators.Add(observation.Indicator);
        result.Regions.Add(observation.Region);
        if (sink is not null)
        {
            await sink(observation).ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}

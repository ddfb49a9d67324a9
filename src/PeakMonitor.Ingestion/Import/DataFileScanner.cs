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
/// GB18030, and rejected with a message saying so if it is neither; UTF-16 and UTF-32 text is rejected
/// by its byte-order mark or its NUL bytes. Every pass runs within the limits of <see cref="ImportOptions"/>:
/// a file beyond one is rejected as a whole, the error naming the limit.
/// </summary>
public static class DataFileScanner
{
    /// <summary>UTF-8 that throws on invalid bytes; its preamble lets the reader skip a BOM.</summary>
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(true, throwOnInvalidBytes: true);

    static DataFileScanner() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding StrictGb18030 => Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <param name="sink">Receives every observation in file order; null for a validation-only pass.</param>
    /// <param name="checkDuplicates">Track keys to report duplicates (a validation pass); costs memory proportional to the file.</param>
    /// <param name="restart">Called when the text turns out not to be UTF-8 and is read again as GB18030, so that a
    /// sink can forget what it received; without it, a sink's pass does not switch encodings (give the encoding in <paramref name="hints"/>).</param>
    /// <param name="limits">The limits to read within (default: <see cref="ImportOptions"/>' defaults).</param>
    /// <param name="time">The clock of <see cref="ImportOptions.MaxReadTime"/> (default: the system's).</param>
    public static async Task<ScanResult> ScanFileAsync(string path, Func<Observation, ValueTask>? sink, bool checkDuplicates, ScanHints? hints, CancellationToken cancellationToken, Action? restart = null, ImportOptions? limits = null, TimeProvider? time = null)
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
            return await ScanAsync(stream, name, sink, checkDuplicates, hints, cancellationToken, restart, limits, time).ConfigureAwait(false);
        }
    }

    /// <summary>Scans a seekable stream (it is read more than once: hash, then text, then possibly as GB18030).</summary>
    public static async Task<ScanResult> ScanAsync(Stream stream, string fileName, Func<Observation, ValueTask>? sink, bool checkDuplicates, ScanHints? hints, CancellationToken cancellationToken, Action? restart = null, ImportOptions? limits = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var guard = new ReadLimits(limits ?? new ImportOptions(), time ?? TimeProvider.System, fileName);
        if (stream.Length > guard.Options.MaxFileBytes)
        {
            var tooLarge = new ScanResult(fileName);
            tooLarge.Errors.Add(new CsvRowError(fileName, 0, "-", null, ReadLimits.Over("the file's size in bytes", stream.Length, guard.Options.MaxFileBytes, nameof(ImportOptions.MaxFileBytes))));
            return tooLarge;
        }

        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        stream.Position = 0;
        var head = new byte[1 << 16];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        stream.Position = 0;

        if (read >= 4 && head is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            var xlsx = new ScanResult(fileName) { IsExcel = true, Encoding = "xlsx", Sha256 = sha };
            try
            {
                await ProcessAsync(ToAsync(XlsxRows.Read(stream, guard)), xlsx, sink, checkDuplicates, hints, guard, cancellationToken).ConfigureAwait(false);
            }
            catch (ImportLimitException ex)
            {
                xlsx.Errors.Add(ex.Error);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or EndOfStreamException or NotSupportedException)
            {
                xlsx.Errors.Add(new CsvRowError(fileName, 0, "-", null, $"not a readable .xlsx workbook: {ex.Message}"));
            }

            return xlsx;
        }

        if (NotEightBitText(head.AsSpan(0, read)) is { } wide)
        {
            var refused = new ScanResult(fileName) { Sha256 = sha };
            refused.Errors.Add(new CsvRowError(fileName, 0, "-", null, $"the file is {wide}, which is not accepted: save it as UTF-8 (or GB18030)"));
            return refused;
        }

        string[] encodings = hints?.Encoding is { } known ? [known] : ["utf-8", "gb18030"];
        foreach (var encodingName in encodings)
        {
            stream.Position = 0;
            var result = new ScanResult(fileName) { Encoding = encodingName, Sha256 = sha };
            var encoding = encodingName == "utf-8" ? StrictUtf8 : StrictGb18030;
            try
            {
                using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
                await ProcessAsync(RowSources.CsvAsync(text, result.Errors, guard, cancellationToken), result, sink, checkDuplicates, hints, guard, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (ImportLimitException ex)
            {
                result.Errors.Add(ex.Error);
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

    /// <summary>
    /// UTF-16 and UTF-32 by their byte-order marks, or by NUL bytes (which no UTF-8 or GB18030 text has;
    /// without a BOM a UTF-16 file of ASCII is every other byte NUL). Null for text we may read.
    /// </summary>
    private static string? NotEightBitText(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 text (little-endian byte-order mark FF FE 00 00)",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 text (big-endian byte-order mark 00 00 FE FF)",
        [0xFF, 0xFE, ..] => "UTF-16 text (little-endian byte-order mark FF FE)",
        [0xFE, 0xFF, ..] => "UTF-16 text (big-endian byte-order mark FE FF)",
        _ when head.IndexOf((byte)0) >= 0 => "not plain text: it has NUL bytes (UTF-16 or UTF-32 text without a byte-order mark, or a binary file)",
        _ => null,
    };

    private static async Task ProcessAsync(IAsyncEnumerable<(int Line, string[] Cells)> rows, ScanResult result, Func<Observation, ValueTask>? sink, bool checkDuplicates, ScanHints? hints, ReadLimits limits, CancellationToken cancellationToken)
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
            limits.CheckTime(line);
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
                    await AcceptAsync(parsed, line, result, seen, sink, limits).ConfigureAwait(false);
                }
            }
            else if (canonical is not null)
            {
                result.RowsRead++;
                if (canonical.Row(cells, file, line, errors, limits.Today) is { } parsed)
                {
                    await AcceptAsync(parsed, line, result, seen, sink, limits).ConfigureAwait(false);
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

    private static async ValueTask AcceptAsync(ParsedRow parsed, int line, ScanResult result, Dictionary<ObservationKey, int>? seen, Func<Observation, ValueTask>? sink, ReadLimits limits)
    {
        if (result.Observations >= limits.Options.MaxObservations)
        {
            throw limits.Refuse(line, "-", ReadLimits.Over("the number of observations", result.Observations + 1L, limits.Options.MaxObservations, nameof(ImportOptions.MaxObservations)) + "; split the file");
        }

        if (parsed.Observation is not { } observation)
        {
            result.MissingValues++;
            return;
        }

        if (seen is not null && !seen.TryAdd(parsed.Key, line))
        {
            result.Errors.Add(new CsvRowError(result.File, line, "period", observation.Period.ToString(), $"duplicate of line {seen[parsed.Key]} (same region, indicator, sector, period and published date)"));
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

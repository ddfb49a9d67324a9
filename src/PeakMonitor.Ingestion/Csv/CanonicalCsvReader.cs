using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Ingestion.Csv;

/// <summary>What a data file holds: its observations in canonical units, and the rows left empty (missing, not zero).</summary>
public sealed record CsvReadResult(string File, IReadOnlyList<Observation> Observations, int MissingValues);

/// <summary>
/// Reads the canonical long CSV of indicators.md: header row; required columns region, indicator,
/// period, value, unit; optional sector, source, note; any column order; unknown columns are an
/// error. Values are converted to the indicator's canonical unit. A file is accepted whole or not
/// at all: every bad row is collected and reported together.
/// </summary>
public static class CanonicalCsvReader
{
    public const int MaxErrors = 1000;

    private static readonly string[] Required = ["region", "indicator", "period", "value", "unit"];
    private static readonly string[] Optional = ["sector", "source", "note"];

    public static async Task<CsvReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new CsvImportException([new CsvRowError(name, 0, "-", null, $"file not found: {path}")]);
        }

        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream, name, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<CsvReadResult> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        // Strict UTF-8: a file in GBK is an error to report, not text to garble. A BOM is tolerated.
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var errors = new List<CsvRowError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = args => errors.Add(new CsvRowError(fileName, args.Context.Parser?.RawRow ?? 0, "-", Shorten(args.RawRecord), "malformed quoting")),
            DetectDelimiter = false,
            TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(text, config);
        var observations = new List<Observation>();
        var seen = new Dictionary<(IndicatorId, RegionCode, SectorId, Period), int>();
        var missing = 0;
        Dictionary<string, int>? columns = null;
        try
        {
            while (await parser.ReadAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var line = parser.RawRow;
                var record = parser.Record ?? [];
                if (columns is null)
                {
                    columns = ReadHeader(record, fileName, line, errors);
                    if (columns is null)
                    {
                        break;
                    }

                    continue;
                }

                if (record.Length == 1 && record[0].Length == 0)
                {
                    continue; // a blank line
                }

                if (record.Length != columns.Count)
                {
                    errors.Add(new CsvRowError(fileName, line, "-", null, $"has {record.Length} fields; the header has {columns.Count}"));
                }
                else if (ReadRow(record, columns, fileName, line, errors) is { } row)
                {
                    if (row.Observation is null)
                    {
                        missing++;
                    }
                    else if (seen.TryGetValue(row.Key, out var first))
                    {
                        errors.Add(new CsvRowError(fileName, line, "period", row.Observation.Period.ToString(), $"duplicate of line {first} (same region, indicator, sector and period)"));
                    }
                    else
                    {
                        seen[row.Key] = line;
                        observations.Add(row.Observation);
                    }
                }

                if (errors.Count >= MaxErrors)
                {
                    errors.Add(new CsvRowError(fileName, line, "-", null, $"stopped after {MaxErrors} problems"));
                    break;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new CsvRowError(fileName, parser.RawRow, "-", null, "the file is not valid UTF-8 (save it as UTF-8)"));
        }

        if (columns is null && errors.Count == 0)
        {
            errors.Add(new CsvRowError(fileName, 1, "-", null, "the file is empty: a header row is required"));
        }

        if (errors.Count > 0)
        {
            throw new CsvImportException(errors);
        }

        return new CsvReadResult(fileName, observations, missing);
    }

    private static Dictionary<string, int>? ReadHeader(string[] header, string file, int line, List<CsvRowError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                errors.Add(new CsvRowError(file, line, name, null, $"unknown column; allowed: {string.Join(", ", Required.Concat(Optional))}"));
                ok = false;
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new CsvRowError(file, line, name, null, "column appears twice"));
                ok = false;
            }
        }

        foreach (var required in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new CsvRowError(file, line, required, null, "required column is missing"));
            ok = false;
        }

        return ok ? columns : null;
    }

    private sealed record Row((IndicatorId, RegionCode, SectorId, Period) Key, Observation? Observation);

    private static Row? ReadRow(string[] record, Dictionary<string, int> columns, string file, int line, List<CsvRowError> errors)
    {
        var before = errors.Count;
        string Cell(string column) => columns.TryGetValue(column, out var i) ? record[i].Trim() : string.Empty;
        void Error(string column, string reason) => errors.Add(new CsvRowError(file, line, column, Shorten(Cell(column)), reason));

        if (!RegionCode.TryParse(Cell("region"), out var region))
        {
            Error("region", "unknown region: use CN or a two-digit GB/T 2260 code (11 … 65)");
        }

        Indicator? indicator = null;
        if (IndicatorId.TryParse(Cell("indicator"), out var indicatorId))
        {
            indicator = IndicatorCatalog.Get(indicatorId);
        }
        else
        {
            Error("indicator", "unknown indicator id");
        }

        if (!SectorId.TryParse(Cell("sector"), out var sector))
        {
            Error("sector", "unknown sector id");
        }

        if (!Period.TryParse(Cell("period"), out var period))
        {
            Error("period", $"not a period: use YYYY or YYYY-MM ({Period.MinYear}–{Period.MaxYear})");
        }

        var unit = Cell("unit");
        if (indicator is not null && !indicator.Accepts(unit))
        {
            Error("unit", $"not a unit of {indicator.Id}: use {string.Join(", ", indicator.AcceptedUnits)}");
        }

        var valueText = Cell("value");
        decimal? value = null;
        if (valueText.Length > 0)
        {
            if (decimal.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
            }
            else
            {
                Error("value", "not a number: use digits with '.' for decimals, no thousands separators or exponents");
            }
        }

        if (errors.Count > before || indicator is null)
        {
            return null;
        }

        var key = (indicatorId, region, sector, period);
        if (value is null)
        {
            return new Row(key, null);
        }

        indicator.TryToCanonical(value.Value, unit, out var canonical);
        if (canonical < 0)
        {
            Error("value", $"{indicator.Id} cannot be negative");
            return null;
        }

        if (indicator.CanonicalUnit == "%" && canonical > 100)
        {
            Error("value", "a percentage cannot exceed 100");
            return null;
        }

        var source = Cell("source");
        var note = Cell("note");
        return new Row(key, new Observation(indicatorId, region, sector, period, (double)canonical, source, note));
    }

    private static string? Shorten(string? s) => s is { Length: > 80 } ? s[..77] + "…" : s;
}

using System.Globalization;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

/// <summary>
/// The canonical long layout (indicators.md): header row; required region, indicator, period,
/// value, unit; optional sector, source, note, quality (empty, unverified or estimate), published
/// (YYYY-MM-DD, the vintage; empty: the import's date); any order; unknown columns are an error.
/// </summary>
internal sealed class CanonicalLayout
{
    private static readonly string[] Required = ["region", "indicator", "period", "value", "unit"];
    private static readonly string[] Optional = ["sector", "source", "note", "quality", "published"];

    private readonly Dictionary<string, int> _columns;

    private CanonicalLayout(Dictionary<string, int> columns) => _columns = columns;

    public int ColumnCount => _columns.Count;

    public static bool Looks(string[] header) =>
        header.Any(h => Clean(h) == "region") && header.Any(h => Clean(h) == "indicator");

    public static CanonicalLayout? FromHeader(string[] header, string file, int line, List<CsvRowError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < header.Length; i++)
        {
            var name = Clean(header[i]);
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                errors.Add(new CsvRowError(file, line, Shorten(name)!, null, $"unknown column; allowed: {string.Join(", ", Required.Concat(Optional))}"));
                ok = false;
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new CsvRowError(file, line, name, null, "column appears twice"));
                ok = false;
            }

            if (errors.Count > CanonicalCsvReader.MaxErrors)
            {
                return null;
            }
        }

        foreach (var required in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new CsvRowError(file, line, required, null, "required column is missing"));
            ok = false;
        }

        return ok ? new CanonicalLayout(columns) : null;
    }

    /// <summary>One row: an observation, a missing value (null observation, non-null key), or null with errors added.</summary>
    /// <param name="today">The latest published date accepted (today in China Standard Time).</param>
    public ParsedRow? Row(string[] record, string file, int line, List<CsvRowError> errors, DateOnly today)
    {
        if (record.Length != _columns.Count)
        {
            errors.Add(new CsvRowError(file, line, "-", null, $"has {record.Length} fields; the header has {_columns.Count}"));
            return null;
        }

        var before = errors.Count;
        string Cell(string column) => _columns.TryGetValue(column, out var i) ? record[i].Trim() : string.Empty;
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

        if (!ObservationQualities.TryParse(Cell("quality"), out var quality))
        {
            Error("quality", $"use {ObservationQualities.Unverified}, {ObservationQualities.Estimate} or leave it empty");
        }

        DateOnly? published = null;
        if (Cell("published") is { Length: > 0 } publishedText)
        {
            if (PublishedDate.TryParse(publishedText, today, out var date) is { } dateProblem)
            {
                Error("published", dateProblem);
            }
            else
            {
                published = date;
            }
        }

        var valueText = Cell("value");
        decimal? value = null;
        if (valueText.Length > 0)
        {
            if (ValueRules.TryParse(valueText, out var parsed))
            {
                value = parsed;
            }
            else
            {
                Error("value", ValueRules.NotANumber);
            }
        }

        if (errors.Count > before || indicator is null)
        {
            return null;
        }

        var key = new ObservationKey(indicatorId, region, sector, period, published);
        if (value is null)
        {
            return new ParsedRow(key, null);
        }

        if (ValueRules.Check(indicator, value.Value, unit, out var canonical) is { } problem)
        {
            Error("value", problem);
            return null;
        }

        return new ParsedRow(key, new Observation(indicatorId, region, sector, period, canonical, Cell("source"), Cell("note"), quality) { Published = published });
    }

    internal static string Clean(string header) => header.Trim().TrimStart('\uFEFF');

    internal static string? Shorten(string? s) => s is { Length: > 80 } ? s[..77] + "…" : s;
}

/// <summary>What may appear once in a file: a value of one series and period per vintage (a file may carry a first-published and a revised figure).</summary>
internal readonly record struct ObservationKey(IndicatorId Indicator, RegionCode Region, SectorId Sector, Period Period, DateOnly? Published = null);

internal sealed record ParsedRow(ObservationKey Key, Observation? Observation);

/// <summary>Rules every value obeys, whatever the layout.</summary>
internal static class ValueRules
{
    public const string NotANumber = "not a number: use digits with '.' for decimals, no thousands separators or exponents";

    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>Converts to the canonical unit and checks the result; returns the problem, or null when the value is fine.</summary>
    public static string? Check(Indicator indicator, decimal value, string unit, out double canonical)
    {
        canonical = 0;
        if (!indicator.TryToCanonical(value, unit, out var converted))
        {
            return $"not a unit of {indicator.Id}";
        }

        if (indicator.Kind == IndicatorKind.Change)
        {
            // A published rate of change: negative when the quantity fell, but it cannot fall by 100% or more.
            if (converted <= -100 || converted > 100)
            {
                return "a change in percent must lie above -100 and at most 100";
            }
        }
        else if (converted < 0)
        {
            return $"{indicator.Id} cannot be negative";
        }
        else if (indicator.CanonicalUnit == "%" && converted > 100)
        {
            return "a percentage cannot exceed 100";
        }

        canonical = (double)converted;
        return null;
    }
}

using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// Writes observations as the canonical long CSV of indicators.md, readable by
/// <see cref="Csv.CanonicalCsvReader"/>: header <c>region,indicator,period,value,unit,sector,source,note,quality</c>,
/// one row per observation in the given order, invariant culture, each value in the indicator's
/// canonical unit as the shortest text that reads back to the same double, fields with commas,
/// quotes or line breaks quoted (CsvHelper), LF line endings. A <c>published</c> column (YYYY-MM-DD) follows
/// when any observation carries its publication date, so a file of one undated vintage keeps its header.
/// </summary>
public static class CanonicalCsvWriter
{
    public static readonly string[] Header = ["region", "indicator", "period", "value", "unit", "sector", "source", "note", "quality"];

    public static void Write(TextWriter writer, IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(observations);
        var rows = observations as IReadOnlyCollection<Observation> ?? observations.ToList();
        var dated = rows.Any(o => o.Published is not null);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var csv = new CsvWriter(writer, config, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        if (dated)
        {
            csv.WriteField("published");
        }

        csv.NextRecord();
        foreach (var o in rows)
        {
            csv.WriteField(o.Region.Value);
            csv.WriteField(o.Indicator.Value);
            csv.WriteField(o.Period.ToString());
            csv.WriteField(FormatValue(o.Value));
            csv.WriteField(o.Unit);
            csv.WriteField(o.Sector.Value);
            csv.WriteField(o.Source ?? string.Empty);
            csv.WriteField(o.Note ?? string.Empty);
            csv.WriteField(o.Quality.Id());
            if (dated)
            {
                csv.WriteField(o.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>
    /// The shortest round-trip text ("R"), written out in positional notation: the reader accepts
    /// no exponents, so 1E-05 becomes 0.00001. Magnitudes beyond decimal's range cannot be written that
    /// way (an exception), and digits beyond the 28th decimal place are rounded away.
    /// </summary>
    public static string FormatValue(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be written.");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal))
        {
            return text;
        }

        if (Math.Abs(value) >= (double)decimal.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The canonical CSV has no exponents; this value is too large to write.");
        }

        // decimal keeps every digit of the round-trip text (to 28 decimal places) and prints no exponent.
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }
}

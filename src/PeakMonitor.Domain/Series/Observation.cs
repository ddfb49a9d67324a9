using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Series;

/// <summary>How far a stored figure can be relied on, beyond its source.</summary>
public enum ObservationQuality
{
    /// <summary>As published by its source.</summary>
    Reported,

    /// <summary>估算: derived by a documented method (e.g. energy CO2 from the energy mix), not published as such.</summary>
    Estimate,

    /// <summary>待核实: entered from a publication but not yet checked against the official release; shown with a badge. The most doubtful.</summary>
    Unverified,
}

/// <summary>
/// One value of a raw indicator, in the indicator's canonical unit. <see cref="Source"/> names where
/// the figure comes from, so that every number shown to a user can say so.
/// </summary>
public sealed record Observation
{
    public Observation(IndicatorId indicator, RegionCode region, SectorId sector, Period period, double value, string? source = null, string? note = null, ObservationQuality quality = ObservationQuality.Reported)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An observation's value must be a finite number.");
        }

        Indicator = indicator;
        Region = region;
        Sector = sector;
        Period = period;
        Value = value;
        Source = string.IsNullOrWhiteSpace(source) ? null : source;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
        Quality = quality;
    }

    public IndicatorId Indicator { get; }

    public RegionCode Region { get; }

    public SectorId Sector { get; }

    public Period Period { get; }

    public double Value { get; }

    public string? Source { get; }

    public string? Note { get; }

    public ObservationQuality Quality { get; }

    /// <summary>
    /// The date this value was published (its vintage); null when unknown (stored before vintages
    /// existed). A new vintage of the same series and period is kept beside the old one.
    /// </summary>
    public DateOnly? Published { get; init; }

    public SeriesKey Key => new(Indicator, Region, Sector, Period.Frequency);

    public string Unit => IndicatorCatalog.Get(Indicator).CanonicalUnit;
}

/// <summary>The quality flag's words in data files and the store (empty = reported).</summary>
public static class ObservationQualities
{
    public const string Unverified = "unverified";
    public const string Estimate = "estimate";

    public static string Id(this ObservationQuality quality) => quality switch
    {
        ObservationQuality.Unverified => Unverified,
        ObservationQuality.Estimate => Estimate,
        _ => string.Empty,
    };

    public static bool TryParse(string? text, out ObservationQuality quality)
    {
        quality = (text ?? string.Empty).Trim() switch
        {
            "" or "reported" => ObservationQuality.Reported,
            Unverified => ObservationQuality.Unverified,
            Estimate => ObservationQuality.Estimate,
            _ => (ObservationQuality)(-1),
        };
        return Enum.IsDefined(quality);
    }
}

using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Series;

/// <summary>
/// One value of a raw indicator, in the indicator's canonical unit. <see cref="Source"/> names where
/// the figure comes from, so that every number shown to a user can say so.
/// </summary>
public sealed record Observation
{
    public Observation(IndicatorId indicator, RegionCode region, SectorId sector, Period period, double value, string? source = null, string? note = null)
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
    }

    public IndicatorId Indicator { get; }

    public RegionCode Region { get; }

    public SectorId Sector { get; }

    public Period Period { get; }

    public double Value { get; }

    public string? Source { get; }

    public string? Note { get; }

    public SeriesKey Key => new(Indicator, Region, Sector, Period.Frequency);

    public string Unit => IndicatorCatalog.Get(Indicator).CanonicalUnit;
}

using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Series;

/// <summary>
/// Which observations to read: one indicator and sector at one frequency, for some regions (all when
/// empty), over an inclusive range of periods.
/// </summary>
public sealed record SeriesQuery
{
    public SeriesQuery(IndicatorId indicator, SectorId sector, Period from, Period to, IReadOnlyCollection<RegionCode>? regions = null)
    {
        if (from.Frequency != to.Frequency)
        {
            throw new ArgumentException($"The range {from}–{to} mixes annual and monthly periods.", nameof(to));
        }

        if (from > to)
        {
            throw new ArgumentException($"The range {from}–{to} ends before it starts.", nameof(to));
        }

        Indicator = indicator;
        Sector = sector;
        From = from;
        To = to;
        Regions = regions ?? [];
    }

    public IndicatorId Indicator { get; }

    public SectorId Sector { get; }

    public Period From { get; }

    public Period To { get; }

    public Frequency Frequency => From.Frequency;

    public IReadOnlyCollection<RegionCode> Regions { get; }
}

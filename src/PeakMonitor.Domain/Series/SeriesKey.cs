using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Series;

/// <summary>Identifies one time series: an indicator for a region and a sector, at one frequency.</summary>
public readonly record struct SeriesKey(IndicatorId Indicator, RegionCode Region, SectorId Sector, Frequency Frequency);

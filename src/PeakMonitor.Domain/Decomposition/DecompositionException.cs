using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Decomposition;

/// <summary>
/// The data cannot be decomposed: an input is missing, zero or negative (the logarithms of LMDI need
/// positive values). The message names the region, the year and the indicator, so that it can be
/// shown as it is.
/// </summary>
public sealed class DecompositionException : Exception
{
    public DecompositionException(string message, RegionCode region, int year, IndicatorId indicator)
        : base(message)
    {
        Region = region;
        Year = year;
        Indicator = indicator;
    }

    public RegionCode Region { get; }

    public int Year { get; }

    public IndicatorId Indicator { get; }
}

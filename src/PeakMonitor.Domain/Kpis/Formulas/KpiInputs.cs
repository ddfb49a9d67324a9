using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Kpis.Formulas;

/// <summary>
/// One region's annual inputs as formulas read them. Each series is looked up in the panel once and
/// kept: the engine reads the same few series thousands of times per region.
/// </summary>
public sealed class KpiInputs
{
    private readonly IndicatorPanel _panel;
    private readonly Dictionary<IndicatorId, double?[]?> _series = [];

    public KpiInputs(IndicatorPanel panel, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(panel);
        _panel = panel;
        Region = region;
    }

    public RegionCode Region { get; }

    /// <summary>The annual value, or null when missing (never zero).</summary>
    public double? this[IndicatorId indicator, int year] => IndicatorPanel.At(Series(indicator), year);

    /// <summary>The years with a value up to and including <paramref name="upToYear"/>, oldest first.</summary>
    public IReadOnlyList<(int Year, double Value)> History(IndicatorId indicator, int upToYear)
    {
        var series = Series(indicator);
        var list = new List<(int Year, double Value)>();
        if (series is null)
        {
            return list;
        }

        for (var year = PeakMonitor.Domain.Series.Period.MinYear; year <= upToYear && year <= PeakMonitor.Domain.Series.Period.MaxYear; year++)
        {
            if (IndicatorPanel.At(series, year) is { } v)
            {
                list.Add((year, v));
            }
        }

        return list;
    }

    private double?[]? Series(IndicatorId indicator)
    {
        if (!_series.TryGetValue(indicator, out var series))
        {
            _series[indicator] = series = _panel.Series(indicator, Region);
        }

        return series;
    }
}

using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Kpis.Formulas;

/// <summary>
/// One region's annual inputs as formulas read them. Each series is looked up in the panel once and
/// kept: the engine reads the same few series thousands of times per region, so the lookup is a short
/// scan that compares the id's string by reference first (formulas hold their ids in static fields).
/// </summary>
public sealed class KpiInputs
{
    private readonly IndicatorPanel _panel;
    private readonly List<(string Key, double?[]? Series)> _series = new(24);
    private readonly Dictionary<string, (int Year, double Value)[]> _histories = new(StringComparer.Ordinal);

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
        if (!_histories.TryGetValue(indicator.Value, out var all))
        {
            var series = Series(indicator);
            var list = new List<(int Year, double Value)>();
            for (var year = PeakMonitor.Domain.Series.Period.MinYear; series is not null && year <= PeakMonitor.Domain.Series.Period.MaxYear; year++)
            {
                if (IndicatorPanel.At(series, year) is { } v)
                {
                    list.Add((year, v));
                }
            }

            _histories[indicator.Value] = all = [.. list];
        }

        var count = 0;
        while (count < all.Length && all[count].Year <= upToYear)
        {
            count++;
        }

        return new ArraySegment<(int Year, double Value)>(all, 0, count);
    }

    private double?[]? Series(IndicatorId indicator)
    {
        var key = indicator.Value;
        for (var i = 0; i < _series.Count; i++)
        {
            if (ReferenceEquals(_series[i].Key, key))
            {
                return _series[i].Series;
            }
        }

        for (var i = 0; i < _series.Count; i++)
        {
            if (string.Equals(_series[i].Key, key, StringComparison.Ordinal))
            {
                return _series[i].Series;
            }
        }

        var series = _panel.Series(indicator, Region);
        _series.Add((key, series));
        return series;
    }
}

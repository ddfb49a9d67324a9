using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Annual values of raw indicators (sector <c>all</c>) by region and year: the KPI engine's input.
/// An annual observation is used as it is. Without one, a year is derived from complete monthly
/// data: a stock takes its December value (end of year), a flow the sum of its twelve months; a
/// level (a rate) is not derived. A missing value stays missing, never zero.
/// </summary>
public sealed class IndicatorPanel
{
    private readonly Dictionary<(IndicatorId, RegionCode, int), double> _values = [];

    private IndicatorPanel()
    {
    }

    public int Count => _values.Count;

    /// <summary>The years with any value, or null for an empty panel.</summary>
    public (int First, int Last)? YearSpan { get; private set; }

    public static IndicatorPanel From(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var panel = new IndicatorPanel();
        var months = new Dictionary<(IndicatorId, RegionCode, int), (int Count, double Sum, double? December)>();
        foreach (var o in observations)
        {
            if (o.Sector != SectorId.All)
            {
                continue;
            }

            var key = (o.Indicator, o.Region, o.Period.Year);
            if (o.Period.Frequency == Frequency.Annual)
            {
                panel.Set(key, o.Value);
                continue;
            }

            var m = months.GetValueOrDefault(key);
            months[key] = (m.Count + 1, m.Sum + o.Value, o.Period.Month == 12 ? o.Value : m.December);
        }

        foreach (var (key, m) in months)
        {
            if (panel._values.ContainsKey(key))
            {
                continue;
            }

            var kind = IndicatorCatalog.Get(key.Item1).Kind;
            double? derived = kind switch
            {
                IndicatorKind.Stock => m.December,
                IndicatorKind.Flow when m.Count == 12 => m.Sum,
                _ => null,
            };
            if (derived is { } value)
            {
                panel.Set(key, value);
            }
        }

        return panel;
    }

    public double? Get(IndicatorId indicator, RegionCode region, int year) =>
        _values.TryGetValue((indicator, region, year), out var value) ? value : null;

    public bool HasAny(RegionCode region) => _values.Keys.Any(k => k.Item2 == region);

    private void Set((IndicatorId, RegionCode, int) key, double value)
    {
        _values[key] = value;
        var year = key.Item3;
        YearSpan = YearSpan is { } span ? (Math.Min(span.First, year), Math.Max(span.Last, year)) : (year, year);
    }
}

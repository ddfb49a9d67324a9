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
    private const int FirstYear = Period.MinYear;
    private const int Years = Period.MaxYear - Period.MinYear + 1;

    // One array per series, indexed by year: the KPI engine reads the same series many times.
    private readonly Dictionary<(IndicatorId, RegionCode), double?[]> _series = [];
    private readonly HashSet<(IndicatorId, RegionCode)> _synthetic = [];

    // Quality flags by year, only for series that have any (most have none).
    private readonly Dictionary<(IndicatorId, RegionCode), ObservationQuality[]> _quality = [];
    private readonly Dictionary<(IndicatorId, RegionCode), SortedSet<string>> _sources = [];

    // The months of flows, kept as given (a partial year has no annual value but its months still tell something: PeakTest).
    private readonly Dictionary<(IndicatorId, RegionCode, int), double?[]> _flowMonths = [];

    private IndicatorPanel()
    {
    }

    /// <summary>The <c>source</c> that marks synthetic rows (seed-data README; the synthetic feed).</summary>
    public const string SyntheticSource = "synthetic";

    public int Count { get; private set; }

    /// <summary>True when any value of this series came from synthetic data, so the UI and reports must say so.</summary>
    public bool IsSynthetic(IndicatorId indicator, RegionCode region) => _synthetic.Contains((indicator, region));

    /// <summary>The quality flag of a year's value (待核实 / 估算), or reported.</summary>
    public ObservationQuality Quality(IndicatorId indicator, RegionCode region, int year) =>
        _quality.TryGetValue((indicator, region), out var flags) && year >= FirstYear && year < FirstYear + Years ? flags[year - FirstYear] : ObservationQuality.Reported;

    /// <summary>The distinct sources a series' values came from.</summary>
    public IReadOnlyCollection<string> Sources(IndicatorId indicator, RegionCode region) =>
        _sources.TryGetValue((indicator, region), out var set) ? set : [];

    /// <summary>The years with any value, or null for an empty panel.</summary>
    public (int First, int Last)? YearSpan { get; private set; }

    public static IndicatorPanel From(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var panel = new IndicatorPanel();
        var months = new Dictionary<(IndicatorId, RegionCode, int), (int Count, double Sum, double? December, ObservationQuality Quality)>();
        foreach (var o in observations)
        {
            if (o.Sector != SectorId.All)
            {
                continue;
            }

            if (o.Source == SyntheticSource)
            {
                panel._synthetic.Add((o.Indicator, o.Region));
            }

            if (o.Source is { } source)
            {
                if (!panel._sources.TryGetValue((o.Indicator, o.Region), out var set))
                {
                    panel._sources[(o.Indicator, o.Region)] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(source);
            }

            var key = (o.Indicator, o.Region, o.Period.Year);
            if (o.Period.Frequency == Frequency.Annual)
            {
                panel.Set(key, o.Value, o.Quality);
                continue;
            }

            if (IndicatorCatalog.Get(o.Indicator).Kind == IndicatorKind.Flow)
            {
                if (!panel._flowMonths.TryGetValue(key, out var twelve))
                {
                    panel._flowMonths[key] = twelve = new double?[12];
                }

                twelve[o.Period.Month - 1] = o.Value;
            }

            var m = months.GetValueOrDefault(key);
            months[key] = (m.Count + 1, m.Sum + o.Value, o.Period.Month == 12 ? o.Value : m.December, Worse(m.Quality, o.Quality));
        }

        foreach (var (key, m) in months)
        {
            if (panel.Get(key.Item1, key.Item2, key.Item3) is not null)
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
                panel.Set(key, value, m.Quality);
            }
        }

        return panel;
    }

    /// <summary>A flow's value in one month (1–12), if stored monthly.</summary>
    public double? Month(IndicatorId indicator, RegionCode region, int year, int month) =>
        month is >= 1 and <= 12 && _flowMonths.TryGetValue((indicator, region, year), out var twelve) ? twelve[month - 1] : null;

    public double? Get(IndicatorId indicator, RegionCode region, int year) =>
        _series.TryGetValue((indicator, region), out var series) ? At(series, year) : null;

    /// <summary>A whole series for repeated reads (null when the region has none of it); read it with <see cref="At"/>.</summary>
    public double?[]? Series(IndicatorId indicator, RegionCode region) => _series.GetValueOrDefault((indicator, region));

    public static double? At(double?[]? series, int year) =>
        series is not null && year >= FirstYear && year < FirstYear + Years ? series[year - FirstYear] : null;

    /// <summary>A value derived from months is as doubtful as its most doubtful month.</summary>
    private static ObservationQuality Worse(ObservationQuality a, ObservationQuality b) => (ObservationQuality)Math.Max((int)a, (int)b);

    private void Set((IndicatorId, RegionCode, int) key, double value, ObservationQuality quality)
    {
        var (indicator, region, year) = key;
        if (!_series.TryGetValue((indicator, region), out var series))
        {
            _series[(indicator, region)] = series = new double?[Years];
        }

        if (quality != ObservationQuality.Reported || _quality.ContainsKey((indicator, region)))
        {
            if (!_quality.TryGetValue((indicator, region), out var flags))
            {
                _quality[(indicator, region)] = flags = new ObservationQuality[Years];
            }

            flags[year - FirstYear] = quality;
        }

        if (series[year - FirstYear] is null)
        {
            Count++;
        }

        series[year - FirstYear] = value;
        YearSpan = YearSpan is { } span ? (Math.Min(span.First, year), Math.Max(span.Last, year)) : (year, year);
    }
}

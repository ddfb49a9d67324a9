using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Decomposition;

/// <summary>
/// The change in energy CO2 of a region between two years, split into the Kaya effects by the additive
/// LMDI-I method (Ang 2005, Energy Policy 33, 867–871, eq. 5): ΔC_x = L(C_T, C_0) · ln(x_T / x_0) for each
/// factor x of C = P × (G/P) × (E/G) × (C/E). Because the logarithms of the factors' ratios add up to
/// ln(C_T / C_0), the effects add up to C_T − C_0 exactly ("perfect decomposition", no residual).
/// Values are in CO2's canonical unit (10k t).
/// </summary>
public sealed class LmdiDecomposition
{
    private readonly double[] _effects;

    internal LmdiDecomposition(RegionCode region, int from, int to, double start, double end, double[] effects)
    {
        Region = region;
        From = from;
        To = to;
        Start = start;
        End = end;
        _effects = effects;
    }

    public RegionCode Region { get; }

    public int From { get; }

    public int To { get; }

    /// <summary>C_0: energy CO2 in <see cref="From"/>.</summary>
    public double Start { get; }

    /// <summary>C_T: energy CO2 in <see cref="To"/>.</summary>
    public double End { get; }

    /// <summary>C_T − C_0.</summary>
    public double Total => End - Start;

    /// <summary>ΔC of one factor.</summary>
    public double Effect(KayaEffect effect) => _effects[(int)effect];

    /// <summary>The effects in identity order (population, affluence, energy intensity, carbon intensity of energy).</summary>
    public IReadOnlyList<(KayaEffect Effect, double Value)> Effects => KayaEffects.All.Select(e => (e, _effects[(int)e])).ToArray();

    /// <summary>The sum of the effects: equal to <see cref="Total"/> up to rounding.</summary>
    public double Sum => _effects.Sum();

    /// <summary>The unit of every amount: CO2's canonical unit.</summary>
    public static string Unit => IndicatorCatalog.Get(KayaValues.Co2Id).CanonicalUnit;

    /// <summary>Decomposes the change between two years' values (pure arithmetic; every value must be positive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive and finite, or the years are not in order.</exception>
    public static LmdiDecomposition Of(RegionCode region, int from, KayaValues start, int to, KayaValues end)
    {
        if (from >= to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The end year {to} must come after the start year {from}.");
        }

        foreach (var (values, year, name) in new[] { (start, from, nameof(start)), (end, to, nameof(end)) })
        {
            foreach (var (indicator, value) in Pairs(values))
            {
                if (!double.IsFinite(value) || value <= 0)
                {
                    throw new ArgumentOutOfRangeException(name, value, $"{Describe(region, year, indicator)} is {value}: the decomposition needs positive values.");
                }
            }
        }

        var weight = LogarithmicMean.Of(end.Co2, start.Co2);
        var effects = new double[KayaEffects.All.Count];
        foreach (var effect in KayaEffects.All)
        {
            // ln of the ratio of the factor's two values (Ang 2005, eq. 5, one sub-category i = the whole region).
            effects[(int)effect] = weight * Math.Log(end.Factor(effect) / start.Factor(effect));
        }

        return new LmdiDecomposition(region, from, to, start.Co2, end.Co2, effects);
    }

    /// <summary>Decomposes the change in a region between two years of a panel.</summary>
    /// <exception cref="DecompositionException">An input of either year is missing, zero or negative; the message names region, year and indicator.</exception>
    public static LmdiDecomposition Of(IndicatorPanel panel, RegionCode region, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (from >= to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The end year {to} must come after the start year {from}.");
        }

        return Of(region, from, Read(panel, region, from), to, Read(panel, region, to));
    }

    /// <summary>A year's four inputs from the panel, each checked.</summary>
    /// <exception cref="DecompositionException">An input is missing, zero or negative.</exception>
    public static KayaValues Read(IndicatorPanel panel, RegionCode region, int year)
    {
        ArgumentNullException.ThrowIfNull(panel);
        double Value(IndicatorId indicator) =>
            panel.Get(indicator, region, year) switch
            {
                null => throw new DecompositionException($"{Describe(region, year, indicator)} is missing: the decomposition needs every Kaya input (population, gdp_real, energy_total, co2_energy) in both years.", region, year, indicator),
                <= 0 and var v => throw new DecompositionException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Describe(region, year, indicator)} is {v}, not positive: the logarithms of the decomposition are defined for positive values only."), region, year, indicator),
                var v => v.Value,
            };

        return new KayaValues(Value(KayaValues.PopulationId), Value(KayaValues.GdpId), Value(KayaValues.EnergyId), Value(KayaValues.Co2Id));
    }

    /// <summary>"Region 11 (北京, Beijing), 2020: population (年末常住人口)".</summary>
    internal static string Describe(RegionCode region, int year, IndicatorId indicator)
    {
        var r = RegionCatalog.Get(region);
        return $"Region {region.Value} ({r.ShortNameZh}, {r.NameEn}), {year}: {indicator.Value} ({IndicatorCatalog.Get(indicator).NameZh})";
    }

    private static (IndicatorId, double)[] Pairs(KayaValues v) =>
        [(KayaValues.PopulationId, v.Population), (KayaValues.GdpId, v.Gdp), (KayaValues.EnergyId, v.Energy), (KayaValues.Co2Id, v.Co2)];

    /// <summary>The quality of the decomposition's inputs: the most doubtful of the eight values.</summary>
    public static ObservationQuality Quality(IndicatorPanel panel, RegionCode region, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var worst = ObservationQuality.Reported;
        foreach (var year in years)
        {
            foreach (var indicator in KayaValues.Inputs)
            {
                worst = (ObservationQuality)Math.Max((int)worst, (int)panel.Quality(indicator, region, year));
            }
        }

        return worst;
    }

    /// <summary>True when any input series of the region holds synthetic values.</summary>
    public static bool IsSynthetic(IndicatorPanel panel, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return KayaValues.Inputs.Any(i => panel.IsSynthetic(i, region));
    }

    /// <summary>The distinct sources of the region's input series.</summary>
    public static IReadOnlyList<string> Sources(IndicatorPanel panel, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return KayaValues.Inputs.SelectMany(i => panel.Sources(i, region)).Distinct(StringComparer.Ordinal).ToArray();
    }
}

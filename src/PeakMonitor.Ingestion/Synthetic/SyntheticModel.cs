using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// Annual synthetic values of the 31 provinces, computed on demand and cached per indicator and
/// year. Additive indicators are the national value × a seeded discrepancy factor (within
/// <see cref="ProvincialSeriesGenerator.SumTolerance"/>) split by provincial weights
/// (<see cref="ProvinceProfiles"/>) with smooth seeded noise. Values are rounded when they are
/// cached, so everything built on them (energy mix, monthly paths) agrees with the published rows.
/// NaN marks a province without a value in that year (demand response before its programme).
/// </summary>
internal sealed class SyntheticModel
{
    /// <summary>t CO2 per tce of coal, oil, gas: the factors of the national estimate in national-cn.csv.</summary>
    public static readonly (string Indicator, double Factor)[] Co2Factors =
        [("energy_coal", 2.66), ("energy_oil", 2.02), ("energy_gas", 1.62)];

    /// <summary>The four sources that make up energy_total, in mix order.</summary>
    public static readonly string[] MixSources = ["energy_coal", "energy_oil", "energy_gas", "energy_nonfossil"];

    // Sum of the provincial peak loads in 2024, 10k kW (≈1,600 GW, somewhat above the coincident
    // national maximum load, reported at roughly 1,450 GW for summer 2024), carried to other years with
    // energy_total ^ 1.4 because electricity grew faster than energy. There is no official series of
    // summed provincial peaks: this anchor is synthetic.
    private const double PeakLoadSum2024 = 160_000;
    private const double PeakLoadEnergyElasticity = 1.4;

    private static readonly Dictionary<string, ShareSpec> ShareSpecs = new(StringComparer.Ordinal)
    {
        ["gdp_real"] = new(ProvinceProfiles.Gdp, 0.012, 0.03, 2, Capacity: false),
        ["population"] = new(ProvinceProfiles.Population, 0.003, 0.01, 2, Capacity: false),
        ["energy_total"] = new(ProvinceProfiles.Energy, 0.012, 0.03, 2, Capacity: false),
        ["cap_wind"] = new(ProvinceProfiles.Wind, 0.004, 0.03, 2, Capacity: true),
        ["cap_solar"] = new(ProvinceProfiles.Solar, 0.004, 0.03, 2, Capacity: true),
        ["cap_hydro"] = new(ProvinceProfiles.Hydro, 0.004, 0.02, 2, Capacity: true),
        ["cap_pumped_hydro"] = new(ProvinceProfiles.PumpedHydro, 0.004, 0.02, 2, Capacity: true),
        ["cap_new_storage"] = new(ProvinceProfiles.NewStorage, 0.004, 0.04, 2, Capacity: true),
        ["forest_stock"] = new(ProvinceProfiles.ForestStock, 0.004, 0.02, 4, Capacity: false),
    };

    private static readonly ProfileTheme[] MixThemes =
        [ProvinceProfiles.CoalMix, ProvinceProfiles.OilMix, ProvinceProfiles.GasMix, ProvinceProfiles.NonFossilMix];

    private readonly int _seed;
    private readonly Dictionary<string, NationalDriver> _drivers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), double[]?> _cache = [];

    // Official provincial figures, annual, by indicator and province index: year → value.
    private readonly Dictionary<string, SortedDictionary<int, double>[]> _official = new(StringComparer.Ordinal);

    // National values printed beside the provincial figures (CN rows of the official file), by indicator: year → value.
    private readonly Dictionary<string, Dictionary<int, double>> _officialNational = new(StringComparer.Ordinal);

    private readonly Dictionary<string, SortedDictionary<int, double>[]> _ratios = new(StringComparer.Ordinal);

    // Shares of the nation from official month-end tables (a province's value over the table's CN row),
    // by indicator and province: the year-end nearest the month (January–June: the year before) → share.
    private readonly Dictionary<string, SortedDictionary<int, double>[]> _monthShares = new(StringComparer.Ordinal);

    // Official month-end values (indicator, province, year, value): caps on the year-ends before them.
    private readonly List<(string Indicator, int Province, int Year, double Value)> _monthCaps = [];

    public SyntheticModel(IEnumerable<Observation> national, int seed)
        : this(national, [], seed)
    {
    }

    /// <param name="official">
    /// Official provincial figures (annual, sector all; other rows are ignored): each province's
    /// synthetic share is anchored to its own published values (<see cref="AnchorRatio"/>), and a
    /// capacity passes through them exactly.
    /// </param>
    public SyntheticModel(IEnumerable<Observation> national, IEnumerable<Observation> official, int seed)
    {
        ArgumentNullException.ThrowIfNull(official);
        _seed = seed;
        var index = ProvinceProfiles.Codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var rows = official.Where(o => o.Sector == SectorId.All && !double.IsNaN(o.Value)).ToArray();
        var monthNational = rows.Where(o => o.Region.IsNational && o.Period.Frequency == Frequency.Monthly).ToDictionary(o => (o.Indicator.Value, o.Period));
        foreach (var o in rows.Where(o => o.Period.Frequency == Frequency.Monthly && !o.Region.IsNational))
        {
            if (!index.TryGetValue(o.Region.Value, out var p) || !monthNational.TryGetValue((o.Indicator.Value, o.Period), out var cn) || cn.Value <= 0)
            {
                continue;
            }

            if (!_monthShares.TryGetValue(o.Indicator.Value, out var shares))
            {
                shares = [.. ProvinceProfiles.Codes.Select(_ => new SortedDictionary<int, double>())];
                _monthShares[o.Indicator.Value] = shares;
            }

            shares[p][o.Period.Month <= 6 ? o.Period.Year - 1 : o.Period.Year] = o.Value / cn.Value;
            _monthCaps.Add((o.Indicator.Value, p, o.Period.Year, o.Value));
        }

        foreach (var o in rows.Where(o => o.Period.Frequency == Frequency.Annual))
        {
            if (o.Region.IsNational)
            {
                (_officialNational.TryGetValue(o.Indicator.Value, out var n) ? n : _officialNational[o.Indicator.Value] = [])[o.Period.Year] = o.Value;
                continue;
            }

            if (!index.TryGetValue(o.Region.Value, out var p))
            {
                continue;
            }

            if (!_official.TryGetValue(o.Indicator.Value, out var byProvince))
            {
                byProvince = [.. ProvinceProfiles.Codes.Select(_ => new SortedDictionary<int, double>())];
                _official[o.Indicator.Value] = byProvince;
            }

            byProvince[p][o.Period.Year] = o.Value;
        }

        var byIndicator = national
            .Where(o => o.Region.IsNational && o.Sector == SectorId.All && o.Period.Frequency == Frequency.Annual)
            .GroupBy(o => o.Indicator.Value, StringComparer.Ordinal);
        foreach (var group in byIndicator)
        {
            var known = new SortedDictionary<int, double>();
            foreach (var o in group)
            {
                known[o.Period.Year] = o.Value;
            }

            var kind = IndicatorCatalog.Get(group.First().Indicator).Kind;
            var extrapolation = group.Key.StartsWith("cap_", StringComparison.Ordinal) ? Extrapolation.Increment
                : kind == IndicatorKind.Level ? Extrapolation.Linear
                : Extrapolation.Geometric;
            _drivers[group.Key] = new NationalDriver(known, extrapolation, backward: group.Key.StartsWith("forest_", StringComparison.Ordinal));
        }
    }

    public int Seed => _seed;

    // The official series a synthetic indicator's shares are anchored to. GDP: the communiqués publish
    // current-price GDP only, so a province's share of the nation at current prices stands in for its
    // share at constant prices (relative price levels differ by a few percent; documented in the README).
    private static readonly Dictionary<string, string> AnchorSources = new(StringComparer.Ordinal)
    {
        ["gdp_real"] = "gdp_nominal",
    };

    // Published year-on-year growth (%) a synthetic indicator's step follows where its level is not known.
    private static readonly Dictionary<string, string> GrowthSources = new(StringComparer.Ordinal)
    {
        ["energy_total"] = "energy_total_change",
    };

    /// <summary>The official value of a province in a year, or null.</summary>
    public double? Official(string indicator, int province, int year) =>
        _official.TryGetValue(indicator, out var byProvince) && byProvince[province].TryGetValue(year, out var v) ? v : null;

    /// <summary>
    /// The factor on a province's profile weight that makes its synthetic share follow its own
    /// published shares: at each year with an official figure, its share of the national value (of
    /// the official table's CN row, else of national-cn.csv in a published year, else of the sum when
    /// all 31 provinces are published) over its profile share; linear between those years, flat
    /// before the first and after the last, 1 for a province without official figures. So a
    /// province with a known 2023 follows its own profile's growth through its own level, not the
    /// national curve through a guessed one.
    /// </summary>
    public double AnchorRatio(string indicator, ProfileTheme theme, int province, int year)
    {
        if (!_ratios.TryGetValue(indicator, out var ratios))
        {
            ratios = BuildRatios(indicator, theme);
            _ratios[indicator] = ratios;
        }

        return Interpolate(ratios[province], year);
    }

    /// <summary>Linear between known years, flat outside them, 1 when nothing is known.</summary>
    private static double Interpolate(SortedDictionary<int, double> known, int year)
    {
        if (known.Count == 0)
        {
            return 1;
        }

        var before = known.Where(k => k.Key <= year).Select(k => (KeyValuePair<int, double>?)k).LastOrDefault();
        var after = known.Where(k => k.Key >= year).Select(k => (KeyValuePair<int, double>?)k).FirstOrDefault();
        if (before is null)
        {
            return after!.Value.Value;
        }

        if (after is null || after.Value.Key == before.Value.Key)
        {
            return before.Value.Value;
        }

        var t = (double)(year - before.Value.Key) / (after.Value.Key - before.Value.Key);
        return before.Value.Value + (t * (after.Value.Value - before.Value.Value));
    }

    /// <summary>
    /// Level anchors (<see cref="BuildLevelRatios"/>), then the published growth of a year where no
    /// level is known: the factor of the year before (from the levels, else 1) carried into the year
    /// by the province's own growth over the nation's, so the province's step from the year before
    /// follows what it published (up to the seeded noise) and its level stays where it was.
    /// </summary>
    private SortedDictionary<int, double>[] BuildRatios(string indicator, ProfileTheme theme)
    {
        var ratios = BuildLevelRatios(indicator, theme);
        if (!GrowthSources.TryGetValue(indicator, out var growthSource) || !_official.TryGetValue(growthSource, out var growth) || Driver(indicator) is not { } national)
        {
            return ratios;
        }

        foreach (var year in growth.SelectMany(d => d.Keys).Distinct().Order())
        {
            if (national.At(year) is not { } now || national.At(year - 1) is not { } before || before <= 0)
            {
                continue;
            }

            var nationalGrowth = now / before;
            var sumNow = Enumerable.Range(0, ratios.Length).Sum(p => theme.At(p, year));
            var sumBefore = Enumerable.Range(0, ratios.Length).Sum(p => theme.At(p, year - 1));
            for (var p = 0; p < ratios.Length; p++)
            {
                if (!growth[p].TryGetValue(year, out var g) || ratios[p].ContainsKey(year) || theme.At(p, year) <= 0 || sumBefore <= 0)
                {
                    continue;
                }

                var previous = Interpolate(ratios[p], year - 1);
                var profileStep = (theme.At(p, year) / sumNow) / (theme.At(p, year - 1) / sumBefore);
                ratios[p][year - 1] = previous;
                ratios[p][year] = previous * (1 + (g / 100)) / nationalGrowth / profileStep;
            }
        }

        return ratios;
    }

    private SortedDictionary<int, double>[] BuildLevelRatios(string indicator, ProfileTheme theme)
    {
        var source = AnchorSources.GetValueOrDefault(indicator, indicator);
        var ratios = ProvinceProfiles.Codes.Select(_ => new SortedDictionary<int, double>()).ToArray();
        if (_monthShares.TryGetValue(source, out var monthShares))
        {
            // A month-end table shapes the year-end nearest it; an annual figure of that year wins (below).
            foreach (var year in monthShares.SelectMany(d => d.Keys).Distinct())
            {
                var profileSum = Enumerable.Range(0, ratios.Length).Sum(p => theme.At(p, year));
                for (var p = 0; p < ratios.Length; p++)
                {
                    if (monthShares[p].TryGetValue(year, out var share) && theme.At(p, year) > 0 && profileSum > 0 && share > 0)
                    {
                        ratios[p][year] = share / (theme.At(p, year) / profileSum);
                    }
                }
            }
        }

        if (!_official.TryGetValue(source, out var byProvince))
        {
            return ratios;
        }

        foreach (var year in byProvince.SelectMany(d => d.Keys).Distinct())
        {
            double? denominator = _officialNational.TryGetValue(source, out var n) && n.TryGetValue(year, out var cn) ? cn
                : Driver(source) is { } d && d.IsPublished(year) ? d.At(year)
                : byProvince.All(x => x.ContainsKey(year)) ? byProvince.Sum(x => x[year])
                : null;
            var profileSum = Enumerable.Range(0, ratios.Length).Sum(p => theme.At(p, year));
            if (denominator is not > 0 || profileSum <= 0)
            {
                continue;
            }

            for (var p = 0; p < ratios.Length; p++)
            {
                if (byProvince[p].TryGetValue(year, out var value) && theme.At(p, year) > 0 && value > 0)
                {
                    ratios[p][year] = (value / denominator.Value) / (theme.At(p, year) / profileSum);
                }
            }
        }

        return ratios;
    }

    public NationalDriver? Driver(string indicator) => _drivers.GetValueOrDefault(indicator);

    /// <summary>The discrepancy between the provincial sum and the national value: official provincial sums never equal national totals.</summary>
    public double Discrepancy(string indicator, int year) =>
        ShareSpecs.TryGetValue(indicator, out var spec)
            ? SeededNoise.Smooth(_seed, "sum/" + indicator, "CN", year, spec.Discrepancy)
            : 1;

    /// <summary>The 31 provincial values (rounded; NaN where a province has none), or null when the indicator has no value that year.</summary>
    public double[]? Provinces(string indicator, int year)
    {
        if (year < ProvincialSeriesGenerator.FirstYear || year > Period.MaxYear)
        {
            return null;
        }

        if (_cache.TryGetValue((indicator, year), out var cached))
        {
            return cached;
        }

        if (MixSources.Contains(indicator) || indicator == "co2_energy")
        {
            ComputeEnergyMix(year);
            return _cache[(indicator, year)];
        }

        var values = indicator switch
        {
            "peak_load" => PeakLoad(year),
            "dr_capacity" => DemandResponse(year),
            "forest_coverage" => ForestCoverage(year),
            _ when ShareSpecs.TryGetValue(indicator, out var spec) && spec.Capacity => Capped(indicator, year, Round(AllocateCapacity(indicator, spec, year), spec.Decimals)),
            _ when ShareSpecs.TryGetValue(indicator, out var spec) => Round(Allocate(indicator, spec, year), spec.Decimals),
            _ => null,
        };
        _cache[(indicator, year)] = values;
        return values;
    }

    private double[]? Allocate(string indicator, ShareSpec spec, int year)
    {
        if (Driver(indicator)?.At(year) is not { } national)
        {
            return null;
        }

        var total = national * Discrepancy(indicator, year);
        return Split(indicator, spec.Theme, spec.Noise, year, total);
    }

    /// <summary>
    /// Installed capacity is built, not reshuffled: a province keeps last year's capacity and takes
    /// a part of the national additions in proportion to how far it is below its profile share
    /// (<see cref="Allocate"/>'s split), so provinces converge on their profiles without any
    /// province's capacity falling while the nation's grows. If the (discrepancy-adjusted) national
    /// total falls, every province shrinks in proportion. The first year of a series is the plain split.
    /// </summary>
    private double[]? AllocateCapacity(string indicator, ShareSpec spec, int year)
    {
        var driver = Driver(indicator);
        if (driver?.At(year) is not { } national)
        {
            return null;
        }

        // Years are built in order from the first one (cached), so a far-future month costs one pass.
        for (var earlier = Math.Max(ProvincialSeriesGenerator.FirstYear, driver.FirstYear); earlier < year; earlier++)
        {
            Provinces(indicator, earlier);
        }

        var total = national * Discrepancy(indicator, year);
        var target = Split(indicator, spec.Theme, spec.Noise, year, total);
        if (Provinces(indicator, year - 1) is not { } previous)
        {
            return target;
        }

        var added = total - previous.Sum();
        if (added < 0)
        {
            var shrink = total / previous.Sum();
            return [.. previous.Select(v => v * shrink)];
        }

        var gaps = target.Select((t, p) => Math.Max(0, t - previous[p])).ToArray();
        var gapSum = gaps.Sum();
        var built = gapSum <= 0 ? [.. previous] : previous.Select((v, p) => v + (added * gaps[p] / gapSum)).ToArray();
        return PassThroughOfficial(indicator, year, previous, built);
    }

    /// <summary>
    /// A province with an official capacity in this year takes exactly that value; the difference is
    /// taken from (or given to) the other provinces' additions of the year in proportion, never
    /// below their last year's capacity, so no capacity falls and the sum moves at most by what
    /// could not be absorbed. The years before an official figure are capped at it afterwards
    /// (<see cref="CapBeforeOfficial"/>), so the stock never falls into a published value.
    /// </summary>
    private double[] PassThroughOfficial(string indicator, int year, double[] previous, double[] built)
    {
        var anchored = Enumerable.Range(0, built.Length).Where(p => Official(indicator, p, year) is not null).ToArray();
        if (anchored.Length == 0)
        {
            return built;
        }

        var difference = 0.0;
        foreach (var p in anchored)
        {
            var official = Official(indicator, p, year)!.Value;
            difference += official - built[p];
            built[p] = official;
        }

        var free = Enumerable.Range(0, built.Length).Except(anchored).ToArray();
        var room = free.Sum(p => difference > 0 ? built[p] - previous[p] : built[p]);
        if (room > 0)
        {
            var share = Math.Min(1, Math.Abs(difference) / room);
            foreach (var p in free)
            {
                built[p] -= Math.Sign(difference) * share * (difference > 0 ? built[p] - previous[p] : built[p]);
            }
        }

        return built;
    }

    /// <summary>Capacities of the year-ends before an official figure (annual or month-end), capped at it, so a synthetic stock never exceeds a later published value.</summary>
    private void CapBeforeOfficial(string indicator, int year, double[] values)
    {
        var byProvince = _official.GetValueOrDefault(indicator);
        for (var p = 0; p < values.Length; p++)
        {
            var later = (byProvince?[p].Where(k => k.Key > year).Select(k => k.Value) ?? [])
                .Concat(_monthCaps.Where(m => m.Indicator == indicator && m.Province == p && m.Year > year).Select(m => m.Value))
                .Select(v => (double?)v).Min();
            if (later is { } cap && values[p] > cap)
            {
                values[p] = cap;
            }
        }
    }

    private double[] Split(string indicator, ProfileTheme theme, double noise, int year, double total)
    {
        var weights = new double[ProvinceProfiles.Codes.Length];
        for (var p = 0; p < weights.Length; p++)
        {
            weights[p] = theme.At(p, year) * AnchorRatio(indicator, theme, p, year) * SeededNoise.Smooth(_seed, "share/" + indicator, ProvinceProfiles.Codes[p], year, noise);
        }

        var sum = weights.Sum();
        return [.. weights.Select(w => sum > 0 ? total * w / sum : 0)];
    }

    /// <summary>
    /// Splits each province's energy_total over coal, oil, gas and non-fossil so that every province's
    /// sources add up to its total and every source adds up to its national value (× the same
    /// discrepancy as the total): iterative proportional fitting (RAS) of the provincial mix profiles.
    /// CO2 then follows each province's mix with the national emission factors.
    /// </summary>
    private void ComputeEnergyMix(int year)
    {
        foreach (var source in MixSources.Append("co2_energy"))
        {
            _cache[(source, year)] = null;
        }

        var totals = Provinces("energy_total", year);
        var national = MixSources.Select(s => Driver(s)?.At(year)).ToArray();
        if (totals is null || national.Any(n => n is null or <= 0))
        {
            return;
        }

        var provinces = totals.Length;
        var nationalSum = national.Sum(n => n!.Value);
        var rowSum = totals.Sum();
        var targets = national.Select(n => n!.Value * rowSum / nationalSum).ToArray();
        var m = new double[provinces, 4];
        for (var p = 0; p < provinces; p++)
        {
            for (var f = 0; f < 4; f++)
            {
                var noise = SeededNoise.Smooth(_seed, "mix/" + MixSources[f], ProvinceProfiles.Codes[p], year, 0.03);
                m[p, f] = totals[p] * (national[f]!.Value / nationalSum) * Math.Max(0.001, MixThemes[f].At(p, year)) * noise;
            }
        }

        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var worst = 0.0;
            for (var f = 0; f < 4; f++)
            {
                var column = 0.0;
                for (var p = 0; p < provinces; p++)
                {
                    column += m[p, f];
                }

                worst = Math.Max(worst, Math.Abs((column / targets[f]) - 1));
                for (var p = 0; p < provinces; p++)
                {
                    m[p, f] *= targets[f] / column;
                }
            }

            for (var p = 0; p < provinces; p++)
            {
                var row = m[p, 0] + m[p, 1] + m[p, 2] + m[p, 3];
                for (var f = 0; f < 4; f++)
                {
                    m[p, f] *= totals[p] / row;
                }
            }

            if (worst < 1e-12)
            {
                break;
            }
        }

        var mix = new double[4][];
        for (var f = 0; f < 3; f++)
        {
            mix[f] = new double[provinces];
            for (var p = 0; p < provinces; p++)
            {
                mix[f][p] = Math.Round(m[p, f], 2);
            }
        }

        // Non-fossil closes the balance, so coal + oil + gas + non-fossil = total in every province.
        mix[3] = new double[provinces];
        for (var p = 0; p < provinces; p++)
        {
            mix[3][p] = Math.Max(0, Math.Round(totals[p] - mix[0][p] - mix[1][p] - mix[2][p], 2));
        }

        for (var f = 0; f < 4; f++)
        {
            _cache[(MixSources[f], year)] = mix[f];
        }

        var raw = new double[provinces];
        for (var p = 0; p < provinces; p++)
        {
            raw[p] = (Co2Factors[0].Factor * mix[0][p]) + (Co2Factors[1].Factor * mix[1][p]) + (Co2Factors[2].Factor * mix[2][p]);
        }

        // Scaled to the national CO2 × the energy discrepancy, so a national CO2 series built some other way still sums.
        var scale = Driver("co2_energy")?.At(year) is { } co2 && raw.Sum() > 0
            ? co2 * Discrepancy("energy_total", year) / raw.Sum()
            : 1;
        _cache[("co2_energy", year)] = Round(raw.Select(r => r * scale).ToArray(), 2);
    }

    /// <summary>Provincial peak loads: a synthetic sum (see <see cref="PeakLoadSum2024"/>) split by the peak-load profile; the national row is their exact sum.</summary>
    private double[]? PeakLoad(int year)
    {
        var energy = Driver("energy_total");
        if (energy?.At(year) is not { } now || energy.At(2024) is not { } reference || reference <= 0)
        {
            return null;
        }

        var total = PeakLoadSum2024 * Math.Pow(now / reference, PeakLoadEnergyElasticity);
        return Round(Split("peak_load", ProvinceProfiles.PeakLoad, 0.02, year, total), 2);
    }

    /// <summary>
    /// Demand-response capability: the provincial peak load × a share that rises along a logistic
    /// curve (midpoint 2021.5) to the province's 2025 level (<see cref="ProvinceProfiles.DemandResponse"/>);
    /// none before the province's programme starts. Action plan 三(一)6 asks for ≥5% by 2030.
    /// </summary>
    private double[]? DemandResponse(int year)
    {
        if (Provinces("peak_load", year) is not { } peaks)
        {
            return null;
        }

        static double Logistic(double y) => 1 / (1 + Math.Exp(-(y - 2021.5) / 1.5));
        var values = new double[peaks.Length];
        for (var p = 0; p < peaks.Length; p++)
        {
            var (share2025, start) = ProvinceProfiles.DemandResponse[p];
            values[p] = year < start
                ? double.NaN
                : Math.Round(peaks[p] * share2025 / 100 * Logistic(year) / Logistic(2025)
                    * SeededNoise.Smooth(_seed, "share/dr_capacity", ProvinceProfiles.Codes[p], year, 0.05), 2);
        }

        return values;
    }

    /// <summary>Forest coverage from the provincial inventory lines, ± a smooth 0.3-point disturbance; a level, never summed.</summary>
    private double[] ForestCoverage(int year)
    {
        var values = new double[ProvinceProfiles.Codes.Length];
        for (var p = 0; p < values.Length; p++)
        {
            var wobble = (SeededNoise.Smooth(_seed, "level/forest_coverage", ProvinceProfiles.Codes[p], year, 1) - 1) * 0.3;
            values[p] = Math.Round(Math.Clamp(ProvinceProfiles.ForestCoverage.At(p, year) + wobble, 0.1, 95), 2);
        }

        return values;
    }

    private double[]? Capped(string indicator, int year, double[]? values)
    {
        if (values is not null)
        {
            CapBeforeOfficial(indicator, year, values);
        }

        return values;
    }

    private static double[]? Round(double[]? values, int decimals) =>
        values is null ? null : [.. values.Select(v => Math.Round(v, decimals))];

    /// <param name="Discrepancy">Largest deviation of the provincial sum from the national value (a share).</param>
    /// <param name="Noise">Largest smooth disturbance of a provincial weight (a share).</param>
    /// <param name="Capacity">Built up year by year from additions (<see cref="AllocateCapacity"/>) rather than split afresh.</param>
    private sealed record ShareSpec(ProfileTheme Theme, double Discrepancy, double Noise, int Decimals, bool Capacity);
}

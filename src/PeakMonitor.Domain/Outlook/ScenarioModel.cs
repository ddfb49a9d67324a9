using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Kpis.Formulas;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Outlook;

/// <summary>The scenario's KPI results in the years shown (2025 and 2030), from the KPI engine itself.</summary>
public sealed record ScenarioResult(RegionCode Region, int BaseYear, Scenario Scenario, IReadOnlyList<KpiResult> Results)
{
    /// <summary>The probability of meeting each target in 2025/2030 under the scenario (<see cref="ScenarioModel.Probabilities"/>); empty when not asked for.</summary>
    public IReadOnlyList<ScenarioProbability> Probabilities { get; init; } = [];

    /// <summary>The probability for one KPI track in its target year, if there is one.</summary>
    public double? ProbabilityOf(string kpi, string track, int year) =>
        Probabilities.FirstOrDefault(p => p.Kpi == kpi && p.Track == track && p.Year == year)?.Probability;
}

/// <summary>The probability that a KPI track meets its target in the target's year under a scenario.</summary>
public sealed record ScenarioProbability(string Kpi, string Track, int Year, double Target, double Probability);

/// <summary>The lever value that meets a target exactly, or why there is none.</summary>
public sealed record SolveResult(Lever Lever, string Kpi, string Track, int Year, double Target, double? Value, double? Achieved, string? Problem);

/// <summary>
/// The what-if model. From the base year (the latest year with GDP, energy, non-fossil energy and CO2
/// for the region) the levers drive the raw series, and the KPI engine judges the result exactly as it
/// judges data, so a scenario's statuses mean what the dashboard's mean:
/// <list type="bullet">
/// <item>gdp_real(y) = gdp(b)·(1 + g)^(y−b); energy_total(y) = E(b)·(1 + e)^(y−b);</item>
/// <item>non-fossil share s(y) = s(b) + p·(y − b), kept within 0–100, energy_nonfossil = E·s;</item>
/// <item>fossil energy F = E − non-fossil keeps the base year's coal/oil/gas mix, and energy CO2 its
/// carbon content: co2(y) = co2(b)·F(y)/F(b) (the seed's CO2 is itself coal × 2.66 + oil × 2.02 + gas × 1.62);</item>
/// <item>feedstock use a constant share of energy; the published intensity rates continued as the
/// year-on-year change of the modelled intensities (energy net of non-fossil; CO2) so the official
/// tracks keep a value;</item>
/// <item>wind + solar capacity grows by the additions lever from its own latest year (capacity is often
/// published before the energy balance), split between wind and solar as in that year. The non-fossil
/// share is a lever of its own: additions do not move it (the page says so).</item>
/// </list>
/// Pure: the base series are read once; each evaluation builds a small panel and runs the engine.
/// </summary>
public sealed class ScenarioModel
{
    private static readonly IndicatorId Gdp = IndicatorId.Parse("gdp_real");
    private static readonly IndicatorId Energy = IndicatorId.Parse("energy_total");
    private static readonly IndicatorId NonFossil = IndicatorId.Parse("energy_nonfossil");
    private static readonly IndicatorId Co2 = IndicatorId.Parse("co2_energy");
    private static readonly IndicatorId Coal = IndicatorId.Parse("energy_coal");
    private static readonly IndicatorId Oil = IndicatorId.Parse("energy_oil");
    private static readonly IndicatorId Gas = IndicatorId.Parse("energy_gas");
    private static readonly IndicatorId Feedstock = IndicatorId.Parse("energy_feedstock");
    private static readonly IndicatorId Wind = IndicatorId.Parse("cap_wind");
    private static readonly IndicatorId Solar = IndicatorId.Parse("cap_solar");
    private static readonly IndicatorId EnergyChange = IndicatorId.Parse("energy_intensity_change");
    private static readonly IndicatorId Co2Change = IndicatorId.Parse("co2_intensity_change");

    /// <summary>The KPIs the levers drive.</summary>
    public static IReadOnlyList<string> DrivenKpis { get; } = ["energy_intensity_reduction", "carbon_intensity_reduction", "nonfossil_share", "wind_solar_capacity", "co2_peak"];

    /// <summary>The years a scenario reports: the plan's two milestones.</summary>
    public static IReadOnlyList<int> Years { get; } = [2025, 2030];

    private readonly KpiEngine _engine;
    private readonly KpiDefinition[] _kpis;
    private readonly List<Observation> _base = [];
    private readonly IndicatorPanel _observed;
    private readonly double _gdp, _energy, _share, _co2, _fossil;
    private readonly double? _coal, _oil, _gas, _feedstockShare, _wind, _solar;

    public ScenarioModel(IndicatorPanel panel, RegionCode region, KpiEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        Region = region;
        _engine = engine ?? new KpiEngine();
        _kpis = DrivenKpis.Select(KpiCatalog.Get).ToArray();
        int? baseYear = null;
        for (var y = Period.MaxYear; y >= Period.MinYear && baseYear is null; y--)
        {
            if (panel.Get(Gdp, region, y) is > 0 && panel.Get(Energy, region, y) is > 0 && panel.Get(NonFossil, region, y) is not null && panel.Get(Co2, region, y) is > 0)
            {
                baseYear = y;
            }
        }

        BaseYear = baseYear ?? throw new ArgumentException($"Region {region}: no year has GDP, energy, non-fossil energy and CO2 together, so there is nothing to start a scenario from.", nameof(panel));
        if (BaseYear >= Years[^1])
        {
            throw new ArgumentException($"Region {region}: the data already reach {BaseYear}; a scenario needs years ahead.", nameof(panel));
        }

        var b = BaseYear;
        _gdp = panel.Get(Gdp, region, b)!.Value;
        _energy = panel.Get(Energy, region, b)!.Value;
        _share = panel.Get(NonFossil, region, b)!.Value / _energy * 100;
        _co2 = panel.Get(Co2, region, b)!.Value;
        _fossil = _energy * (1 - (_share / 100));
        _coal = panel.Get(Coal, region, b);
        _oil = panel.Get(Oil, region, b);
        _gas = panel.Get(Gas, region, b);
        _feedstockShare = panel.Get(Feedstock, region, b) / _energy;
        CapacityBaseYear = b;
        for (var y = Period.MaxYear; y > b; y--)
        {
            if (panel.Get(Wind, region, y) is not null && panel.Get(Solar, region, y) is not null)
            {
                CapacityBaseYear = y;
                break;
            }
        }

        _wind = panel.Get(Wind, region, CapacityBaseYear);
        _solar = panel.Get(Solar, region, CapacityBaseYear);

        // The observed history up to the base year, of every series the driven KPIs read, for the region and the nation.
        var indicators = _kpis.SelectMany(k => k.Inputs).Distinct().ToArray();
        RegionCode[] regions = region.IsNational ? [region] : [region, RegionCode.National];
        foreach (var r in regions)
        {
            foreach (var indicator in indicators)
            {
                var last = indicator == Wind || indicator == Solar ? CapacityBaseYear : b;
                for (var y = Period.MinYear; y <= last; y++)
                {
                    if (panel.Get(indicator, r, y) is { } v)
                    {
                        _base.Add(new Observation(indicator, r, SectorId.All, Period.OfYear(y), v));
                    }
                }
            }
        }

        _observed = IndicatorPanel.From(_base);
    }

    public RegionCode Region { get; }

    /// <summary>The last observed year; levers act from the year after.</summary>
    public int BaseYear { get; }

    /// <summary>The last year with wind and solar capacity (at least <see cref="BaseYear"/>); additions count from the year after.</summary>
    public int CapacityBaseYear { get; }

    /// <summary>The scenario's results for the driven KPIs in 2025 and 2030 (every track).</summary>
    public ScenarioResult Evaluate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var panel = Panel(scenario);
        return new ScenarioResult(Region, BaseYear, scenario, _engine.Compute(panel, _kpis, [Region], Years));
    }

    /// <summary>The scenario's results with the probability of meeting each 2025/2030 target (<see cref="Probabilities"/>).</summary>
    public ScenarioResult Evaluate(Scenario scenario, OutlookModel outlook)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outlook);
        var panel = Panel(scenario);
        return new ScenarioResult(Region, BaseYear, scenario, _engine.Compute(panel, _kpis, [Region], Years)) { Probabilities = Probabilities(panel, outlook) };
    }

    /// <summary>
    /// The probability that each driven KPI meets its 2025/2030 numeric target under the scenario: the
    /// scenario's path is the mean, and the KPI's series varies around it as it did in the outlook
    /// window (<see cref="OutlookModel.ProbabilityAround"/>). A target in a year already observed, or a
    /// KPI without enough history, gets none.
    /// </summary>
    public IReadOnlyList<ScenarioProbability> Probabilities(Scenario scenario, OutlookModel outlook)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outlook);
        return Probabilities(Panel(scenario), outlook);
    }

    /// <summary>The probabilities on a scenario panel already built (one panel per answer).</summary>
    private List<ScenarioProbability> Probabilities(IndicatorPanel scenarioPanel, OutlookModel outlook)
    {
        var observed = new KpiInputs(_observed, Region);
        var path = new KpiInputs(scenarioPanel, Region);
        var last = Math.Max(BaseYear, CapacityBaseYear);
        var list = new List<ScenarioProbability>();
        foreach (var kpi in _kpis.Where(k => k.Formula.Judgement == KpiJudgement.Path))
        {
            foreach (var target in _engine.TargetsFor(kpi, Region).Where(t => t.Modality != TargetModality.Qualitative && Years.Contains(t.TargetYear)))
            {
                if (outlook.ProbabilityAround(kpi, kpi.FormulaFor(target.Track), target, observed, path, Region, last) is { } p)
                {
                    list.Add(new ScenarioProbability(kpi.Id, target.Track, target.TargetYear, target.Value, p));
                }
            }
        }

        return list;
    }

    /// <summary>One KPI's value on one track in one year under a scenario.</summary>
    public double? ValueOf(Scenario scenario, string kpi, string track, int year)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return _engine.Compute(Panel(scenario), [KpiCatalog.Get(kpi)], [Region], [year]).FirstOrDefault(r => r.Track == track)?.Value;
    }

    /// <summary>
    /// The value of one lever that makes a KPI meet its target exactly in the target's year, the other
    /// levers as given. Every driven KPI is monotone in each lever that moves it, so bisection on the
    /// lever's range (<see cref="Levers.Range"/>) converges; it stops when the KPI is within 1e-9 of the
    /// target or the interval is below 1e-12. The first milestone after the base year is used unless a
    /// year is given.
    /// </summary>
    public SolveResult Solve(Scenario scenario, Lever lever, string kpi, string? track = null, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var definition = KpiCatalog.Get(kpi);
        var t = track ?? definition.MainTrack;
        var target = _engine.TargetsFor(definition, Region)
            .Where(x => x.Track == t && x.Modality != TargetModality.Qualitative && x.TargetYear > BaseYear && (year is null || x.TargetYear == year))
            .OrderBy(x => x.TargetYear).FirstOrDefault();
        if (target is null || definition.Formula.Judgement != KpiJudgement.Path)
        {
            return new SolveResult(lever, kpi, t, year ?? 0, double.NaN, null, null, $"{kpi} ({t}) has no numeric target for {Region} after {BaseYear}");
        }

        double? F(double x) => ValueOf(scenario.With(lever, x), kpi, t, target.TargetYear) - target.Value;
        var (lo, hi) = lever.Range();
        if (F(lo) is not { } flo || F(hi) is not { } fhi)
        {
            return new SolveResult(lever, kpi, t, target.TargetYear, target.Value, null, null, $"{kpi} ({t}) has no value in {target.TargetYear} under this scenario");
        }

        if (Math.Abs(flo - fhi) < 1e-12)
        {
            return new SolveResult(lever, kpi, t, target.TargetYear, target.Value, null, flo + target.Value, $"{lever.Id()} does not move {kpi}");
        }

        if (Math.Sign(flo) == Math.Sign(fhi) && flo != 0 && fhi != 0)
        {
            return new SolveResult(lever, kpi, t, target.TargetYear, target.Value, null, null, $"no {lever.Id()} between {lo} and {hi} meets the target");
        }

        for (var i = 0; i < 200 && hi - lo > 1e-12; i++)
        {
            var mid = (lo + hi) / 2;
            var fm = F(mid)!.Value;
            if (Math.Abs(fm) <= 1e-9)
            {
                lo = hi = mid;
                break;
            }

            if (Math.Sign(fm) == Math.Sign(flo))
            {
                lo = mid;
                flo = fm;
            }
            else
            {
                hi = mid;
            }
        }

        var x0 = (lo + hi) / 2;
        return new SolveResult(lever, kpi, t, target.TargetYear, target.Value, x0, F(x0) + target.Value, null);
    }

    /// <summary>The observed history plus the scenario's years up to the last year shown.</summary>
    private IndicatorPanel Panel(Scenario s)
    {
        var problems = s.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(s));
        }

        var list = new List<Observation>(_base.Count + 16 * (Years[^1] - BaseYear));
        list.AddRange(_base);
        double prevNetIntensity = _fossil / _gdp, prevCo2Intensity = _co2 / _gdp;
        var windShare = _wind is { } w0 && _solar is { } s0 && w0 + s0 > 0 ? w0 / (w0 + s0) : 0.5;
        for (var y = BaseYear + 1; y <= Years[^1]; y++)
        {
            var n = y - BaseYear;
            var gdp = _gdp * Math.Pow(1 + (s.GdpGrowth / 100), n);
            var energy = _energy * Math.Pow(1 + (s.EnergyGrowth / 100), n);
            var share = Math.Clamp(_share + (s.NonFossilPoints * n), 0, 100);
            var fossil = energy * (1 - (share / 100));
            var ratio = _fossil > 0 ? fossil / _fossil : 0;
            var co2 = _co2 * ratio;
            Add(list, Gdp, y, gdp);
            Add(list, Energy, y, energy);
            Add(list, NonFossil, y, energy * share / 100);
            Add(list, Co2, y, co2);
            Add(list, Coal, y, _coal * ratio);
            Add(list, Oil, y, _oil * ratio);
            Add(list, Gas, y, _gas * ratio);
            Add(list, Feedstock, y, _feedstockShare * energy);

            // 1 GW = 100 × 10k kW.
            if (y > CapacityBaseYear)
            {
                var added = s.WindSolarAdditions * 100 * (y - CapacityBaseYear);
                Add(list, Wind, y, _wind + (added * windShare));
                Add(list, Solar, y, _solar + (added * (1 - windShare)));
            }

            var netIntensity = fossil / gdp;
            var co2Intensity = co2 / gdp;
            Add(list, EnergyChange, y, prevNetIntensity > 0 ? ((netIntensity / prevNetIntensity) - 1) * 100 : null);
            Add(list, Co2Change, y, prevCo2Intensity > 0 ? ((co2Intensity / prevCo2Intensity) - 1) * 100 : null);
            prevNetIntensity = netIntensity;
            prevCo2Intensity = co2Intensity;
        }

        return IndicatorPanel.From(list);
    }

    private void Add(List<Observation> list, IndicatorId indicator, int year, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            list.Add(new Observation(indicator, Region, SectorId.All, Period.OfYear(year), v, "scenario"));
        }
    }
}

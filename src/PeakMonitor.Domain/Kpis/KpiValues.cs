using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// KPI values from raw indicators (action-plan-kpis.md §5.1), for one region. Capacities in the
/// store are in 10k kW; KPIs show GW (÷100). Any missing input gives null.
/// </summary>
internal sealed class KpiValues
{
    // The raw inputs, read through an array rather than a dictionary: this is the engine's hot path.
    private const int EnergyTotal = 0, EnergyNonFossil = 1, EnergyCoal = 2, Co2 = 3, Gdp = 4, CapWind = 5, CapSolar = 6, CapHydro = 7,
        CapPumped = 8, CapStorage = 9, DrCapacity = 10, PeakLoad = 11, ForestCoverage = 12, ForestStock = 13;

    private static readonly IndicatorId[] Inputs = new[]
    {
        "energy_total", "energy_nonfossil", "energy_coal", "co2_energy", "gdp_real", "cap_wind", "cap_solar", "cap_hydro",
        "cap_pumped_hydro", "cap_new_storage", "dr_capacity", "peak_load", "forest_coverage", "forest_stock",
    }.Select(IndicatorId.Parse).ToArray();

    private const double TenThousandKwPerGw = 100;

    private readonly double?[]?[] _series;
    private (int Year, double Value)[]? _co2;

    public KpiValues(IndicatorPanel panel, RegionCode region)
    {
        _series = Array.ConvertAll(Inputs, i => panel.Series(i, region));
    }

    private double? Raw(int input, int year) => IndicatorPanel.At(_series[input], year);

    /// <summary>
    /// The KPI's value in <paramref name="year"/>. <paramref name="baselineYear"/> matters to KPIs
    /// measured against a base: intensity reductions (vs the base year) and hydro additions (since
    /// the start of the five-year plan).
    /// </summary>
    public double? Value(KpiFormula formula, int year, int baselineYear) => formula switch
    {
        // 非化石能源消费比重 (二, L563): non-fossil ÷ total primary energy.
        KpiFormula.NonFossilShare => Ratio(Raw(EnergyNonFossil, year), Raw(EnergyTotal, year)) * 100,

        // 单位GDP能耗 (二, L563): 1 − (E/GDP)_y ÷ (E/GDP)_base.
        KpiFormula.EnergyIntensityReduction => Trajectory.Reduction(EnergyIntensity(year), EnergyIntensity(baselineYear)),

        // 单位GDP二氧化碳排放 (二, L563/L567): 1 − (CO2/GDP)_y ÷ (CO2/GDP)_base.
        KpiFormula.CarbonIntensityReduction => Trajectory.Reduction(CarbonIntensity(year), CarbonIntensity(baselineYear)),

        // 煤炭消费 (二, L563-565): year-on-year growth.
        KpiFormula.CoalConsumptionTrend => Raw(EnergyCoal, year - 1) is { } previous && Raw(EnergyCoal, year) is { } current
            ? Trajectory.CompoundGrowth(previous, current, 1)
            : null,

        // 风电、太阳能发电总装机容量 (三(一)2, L579): both must be present; a sum with one part missing would understate.
        KpiFormula.WindSolarCapacity => Raw(CapWind, year) + Raw(CapSolar, year) is { } ws ? ws / TenThousandKwPerGw : null,

        // 新增水电装机 (三(一)3, L581): capacity added since the five-year plan's start.
        KpiFormula.HydroAdditions => Raw(CapHydro, year) - Raw(CapHydro, baselineYear) is { } added ? added / TenThousandKwPerGw : null,

        KpiFormula.NewTypeStorageCapacity => Raw(CapStorage, year) / TenThousandKwPerGw,
        KpiFormula.PumpedHydroCapacity => Raw(CapPumped, year) / TenThousandKwPerGw,

        // 尖峰负荷响应能力 (三(一)6, L589): demand response ÷ provincial peak load.
        KpiFormula.PeakLoadResponse => Ratio(Raw(DrCapacity, year), Raw(PeakLoad, year)) * 100,

        KpiFormula.ForestCoverage => Raw(ForestCoverage, year),
        KpiFormula.ForestStock => Raw(ForestStock, year),
        _ => null,
    };

    /// <summary>The CO2 series up to and including <paramref name="year"/>, oldest first (read once per region).</summary>
    public IReadOnlyList<(int Year, double Value)> Co2History(int year)
    {
        _co2 ??= Enumerable.Range(Period.MinYear, Period.MaxYear - Period.MinYear + 1)
            .Select(y => (Year: y, Value: Raw(Co2, y)))
            .Where(p => p.Value is not null)
            .Select(p => (p.Year, p.Value!.Value))
            .ToArray();
        var count = 0;
        while (count < _co2.Length && _co2[count].Year <= year)
        {
            count++;
        }

        return new ArraySegment<(int Year, double Value)>(_co2, 0, count);
    }

    public double? EnergyIntensity(int year) => Ratio(Raw(EnergyTotal, year), Raw(Gdp, year));

    public double? CarbonIntensity(int year) => Ratio(Raw(Co2, year), Raw(Gdp, year));

    /// <summary>The series underneath a KPI whose recent rate and trend are measured (intensity for reductions, the value otherwise).</summary>
    public double? Underlying(KpiFormula formula, int year, int baselineYear) => formula switch
    {
        KpiFormula.EnergyIntensityReduction => EnergyIntensity(year),
        KpiFormula.CarbonIntensityReduction => CarbonIntensity(year),
        KpiFormula.CoalConsumptionTrend => Raw(EnergyCoal, year),
        KpiFormula.Co2Peak => Raw(Co2, year),
        KpiFormula.HydroAdditions => Raw(CapHydro, year) / TenThousandKwPerGw,
        _ => Value(formula, year, baselineYear),
    };

    private static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? n / d : null;
}

using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// KPI values from raw indicators (action-plan-kpis.md §5.1), for one region. Capacities in the
/// store are in 10k kW; KPIs show GW (÷100). Any missing input gives null.
/// </summary>
internal sealed class KpiValues(IndicatorPanel panel, RegionCode region)
{
    private static readonly IndicatorId EnergyTotal = IndicatorId.Parse("energy_total");
    private static readonly IndicatorId EnergyNonFossil = IndicatorId.Parse("energy_nonfossil");
    private static readonly IndicatorId EnergyCoal = IndicatorId.Parse("energy_coal");
    private static readonly IndicatorId Co2 = IndicatorId.Parse("co2_energy");
    private static readonly IndicatorId Gdp = IndicatorId.Parse("gdp_real");
    private static readonly IndicatorId CapWind = IndicatorId.Parse("cap_wind");
    private static readonly IndicatorId CapSolar = IndicatorId.Parse("cap_solar");
    private static readonly IndicatorId CapHydro = IndicatorId.Parse("cap_hydro");
    private static readonly IndicatorId CapPumped = IndicatorId.Parse("cap_pumped_hydro");
    private static readonly IndicatorId CapStorage = IndicatorId.Parse("cap_new_storage");
    private static readonly IndicatorId DrCapacity = IndicatorId.Parse("dr_capacity");
    private static readonly IndicatorId PeakLoad = IndicatorId.Parse("peak_load");
    private static readonly IndicatorId ForestCoverage = IndicatorId.Parse("forest_coverage");
    private static readonly IndicatorId ForestStock = IndicatorId.Parse("forest_stock");

    private const double TenThousandKwPerGw = 100;

    public double? Raw(IndicatorId indicator, int year) => panel.Get(indicator, region, year);

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

namespace PeakMonitor.Domain.Indicators;

/// <summary>
/// The raw indicators of indicators.md with canonical units and accepted conversions. Ids and
/// canonical units are a contract: new indicators may be added, existing ones never change.
/// </summary>
public static class IndicatorCatalog
{
    private static readonly Dictionary<string, decimal> EnergyUnits = new() { ["Mtce"] = 100m, ["tce"] = 0.0001m };
    private static readonly Dictionary<string, decimal> Co2Units = new() { ["Mt"] = 100m, ["t"] = 0.0001m };
    private static readonly Dictionary<string, decimal> MoneyUnits = new() { ["bn CNY"] = 10m };
    private static readonly Dictionary<string, decimal> PersonUnits = new() { ["persons"] = 0.0001m };
    private static readonly Dictionary<string, decimal> PowerUnits = new() { ["GW"] = 100m, ["MW"] = 0.01m, ["kW"] = 0.0001m };
    private static readonly Dictionary<string, decimal> EnergyOutputUnits = new() { ["TWh"] = 10m, ["GWh"] = 0.01m };
    private static readonly Dictionary<string, decimal> NoOtherUnits = [];

    private static readonly (string Id, string Zh, string En, IndicatorKind Kind, string Unit, Dictionary<string, decimal> Others)[] Rows =
    [
        ("energy_total", "能源消费总量", "Total energy consumption", IndicatorKind.Flow, "10k tce", EnergyUnits),
        ("energy_coal", "煤炭消费量", "Coal consumption", IndicatorKind.Flow, "10k tce", EnergyUnits),
        ("energy_oil", "石油消费量", "Oil consumption", IndicatorKind.Flow, "10k tce", EnergyUnits),
        ("energy_gas", "天然气消费量", "Natural gas consumption", IndicatorKind.Flow, "10k tce", EnergyUnits),
        ("energy_nonfossil", "非化石能源消费量", "Non-fossil energy consumption", IndicatorKind.Flow, "10k tce", EnergyUnits),
        ("co2_energy", "能源活动二氧化碳排放", "Energy-related CO2 emissions", IndicatorKind.Flow, "10k t", Co2Units),
        ("gdp_real", "地区生产总值（不变价）", "GDP at constant prices", IndicatorKind.Flow, "100m CNY", MoneyUnits),
        // Provincial communiqués publish GDP at current prices; stored as such rather than mislabelled as
        // gdp_real (constant prices), which the intensity KPIs read (seed-data/README.md, "Provincial data").
        ("gdp_nominal", "地区生产总值（现价）", "GDP at current prices", IndicatorKind.Flow, "100m CNY", MoneyUnits),
        ("population", "年末常住人口", "Resident population, year end", IndicatorKind.Stock, "10k persons", PersonUnits),
        ("value_added", "增加值（不变价）", "Value added at constant prices", IndicatorKind.Flow, "100m CNY", MoneyUnits),
        ("cap_wind", "风电装机容量", "Installed wind capacity", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("cap_solar", "太阳能发电装机容量", "Installed solar capacity", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("cap_hydro", "常规水电装机容量", "Conventional hydro capacity", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("cap_pumped_hydro", "抽水蓄能装机容量", "Pumped-storage capacity", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("cap_new_storage", "新型储能装机容量", "New-type storage capacity", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("cap_nuclear", "核电装机容量", "Nuclear capacity", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("cap_thermal", "火电装机容量", "Thermal capacity", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("gen_total", "发电量", "Electricity generation", IndicatorKind.Flow, "100m kWh", EnergyOutputUnits),
        ("gen_wind", "风电发电量", "Wind generation", IndicatorKind.Flow, "100m kWh", EnergyOutputUnits),
        ("gen_solar", "太阳能发电量", "Solar generation", IndicatorKind.Flow, "100m kWh", EnergyOutputUnits),
        ("gen_hydro", "水电发电量", "Hydro generation", IndicatorKind.Flow, "100m kWh", EnergyOutputUnits),
        ("gen_nuclear", "核电发电量", "Nuclear generation", IndicatorKind.Flow, "100m kWh", EnergyOutputUnits),
        ("gen_thermal", "火电发电量", "Thermal generation", IndicatorKind.Flow, "100m kWh", EnergyOutputUnits),
        ("peak_load", "最大负荷", "Peak grid load", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("dr_capacity", "需求响应能力", "Demand-response capability", IndicatorKind.Stock, "10k kW", PowerUnits),
        ("forest_coverage", "森林覆盖率", "Forest coverage rate", IndicatorKind.Level, "%", NoOtherUnits),
        ("forest_stock", "森林蓄积量", "Forest growing-stock volume", IndicatorKind.Stock, "100m m3", NoOtherUnits),

        // The definition of energy intensity in force since the 2024 statistical communiqué deducts these
        // from energy consumption (扣除原料用能和非化石能源消费量; 发改环资〔2022〕803号 for feedstock).
        ("energy_feedstock", "原料用能", "Energy used as feedstock", IndicatorKind.Flow, "10k tce", EnergyUnits),

        // Rates as the statistics office and the NDRC publish them: stored as data so that our own
        // recomputation can be shown beside them (issue "official definitions").
        ("energy_intensity_change", "万元国内生产总值能耗比上年变化（官方公布，现行口径）", "Energy per unit of GDP, change on the year (as published, definition in force)", IndicatorKind.Change, "%", NoOtherUnits),
        ("energy_intensity_change_gross", "万元国内生产总值能耗比上年变化（官方公布，原口径）", "Energy per unit of GDP, change on the year (as published, gross definition)", IndicatorKind.Change, "%", NoOtherUnits),
        ("energy_intensity_plan_change", "五年规划期内能耗强度累计变化（官方公布，现行口径）", "Energy intensity, change since the five-year plan's base year (as published, definition in force)", IndicatorKind.Change, "%", NoOtherUnits),
        // The provincial bulletins publish the growth of energy use beside the intensity change (issue 13).
        ("energy_total_change", "能源消费总量比上年增长（官方公布）", "Total energy consumption, change on the year (as published)", IndicatorKind.Change, "%", NoOtherUnits),
        ("co2_intensity_change", "万元国内生产总值二氧化碳排放比上年变化（官方公布）", "CO2 per unit of GDP, change on the year (as published)", IndicatorKind.Change, "%", NoOtherUnits),
    ];

    private static readonly HashSet<string> Ids = new(Rows.Select(r => r.Id), StringComparer.Ordinal);

    public static IReadOnlyList<Indicator> All { get; } =
        Rows.Select(r => new Indicator(r.Id, r.Zh, r.En, r.Kind, r.Unit, r.Others)).ToArray();

    private static readonly Dictionary<IndicatorId, Indicator> ById = All.ToDictionary(i => i.Id);

    public static Indicator Get(IndicatorId id) => ById[id];

    internal static bool TryCanonical(string id, out string canonical) => Ids.TryGetValue(id, out canonical!);
}

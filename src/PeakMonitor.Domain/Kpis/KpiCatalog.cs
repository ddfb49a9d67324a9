using PeakMonitor.Domain.Kpis.Formulas;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Every quantified or dated target of the action plan (action-plan-kpis.md §1a–1j; seed 001
/// L543–749). KPIs whose raw data the product does not collect yet are listed with
/// <see cref="NoDataSourceFormula"/>; their targets are still shown.
/// </summary>
public static class KpiCatalog
{
    private const string ActionPlan = "2030年前碳达峰行动方案（国发〔2021〕23号）";

    /// <summary>The plan's 2025 block (主要目标), as reprinted in full: 到2025年，非化石能源消费比重达到20%左右，单位国内生产总值能源消耗比2020年下降13.5%，单位国内生产总值二氧化碳排放比2020年下降18%.</summary>
    private const string ActionPlan2025Url = "http://zkb.zkbf.com.cn/newspaper/Html/2021-11-30/1111.html";

    /// <summary>The plan's 2030 block: 到2030年，非化石能源消费比重达到25%左右，单位国内生产总值二氧化碳排放比2005年下降65%以上.</summary>
    private const string ActionPlan2030Url = "http://www.shyyjn.com/NewsDetail.aspx?ID=90";

    /// <summary>
    /// The 14th Five-Year Plan outline's mid-term review names 单位GDP能源消耗降低 and 单位GDP二氧化碳排放降低
    /// among its 约束性 (binding) indicators: "落后的4项指标分别是，单位GDP能源消耗降低、单位GDP二氧化碳排放降低、
    /// 地级及以上城市空气质量优良天数比率3项约束性指标和…预期性指标".
    /// </summary>
    private const string BindingSource = "《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》实施中期评估报告（国家发展改革委，2023-12）：“单位GDP能源消耗降低、单位GDP二氧化碳排放降低、地级及以上城市空气质量优良天数比率3项约束性指标”；财新报道 https://finance.caixin.com/m/2023-12-28/102150686.html";

    private static KpiTarget T(int baseline, int target, double value, TargetModality modality, string track = KpiTracks.Main) =>
        new(baseline, target, value, modality, track);

    private static KpiTarget Binding(KpiTarget target) => target with { Nature = TargetNature.Binding, NatureSource = BindingSource };

    private static KpiTarget Reference(KpiTarget target) => target with { Graded = false };

    public static IReadOnlyList<KpiDefinition> All { get; } =
    [
        // 1a. Headline targets (二 主要目标, L561-567).
        new()
        {
            Id = "co2_peak", NameZh = "二氧化碳排放达峰", NameEn = "CO2 emissions peak before 2030", Unit = "year",
            Direction = KpiDirection.LowerIsBetter, Formula = Co2PeakFormula.Instance, Scope = KpiScope.National,
            Targets = [T(2020, 2030, 2030, TargetModality.AtMost) with { SourceUrl = ActionPlan2030Url }], PlanSection = "一(一), 二", PlanLines = "L549, L567",
            Note = "Value is the peak year once the peak rule confirms it; before the deadline the trend and a plateau test judge it, never a veto. Provinces set their own timetables (L715-717): a province is judged only by its own stated peak year.",
            NoteZh = "达峰判定规则确认峰值后，数值为峰值年份；期限之前按趋势与平台期检验判断，不作否决。各省自定达峰时间表（L715-717）：省份只按本省承诺的达峰年份评价。",
        },
        new()
        {
            Id = "nonfossil_share", NameZh = "非化石能源消费比重", NameEn = "Non-fossil share of energy consumption", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = ShareFormula.NonFossil, Scope = KpiScope.National,
            Targets = [T(2020, 2025, 20, TargetModality.About) with { SourceUrl = ActionPlan2025Url }, T(2025, 2030, 25, TargetModality.About) with { SourceUrl = ActionPlan2030Url }],
            PlanSection = "二", PlanLines = "L563, L567",
            Note = "energy_nonfossil ÷ energy_total × 100, both in tce by the coal-substitution method. No document found that states whether the 20% is 约束性: not a veto.",
            NoteZh = "非化石能源消费量 ÷ 能源消费总量 × 100，均按发电煤耗法折算为标准煤。未找到说明20%是否为约束性指标的文件：不作否决。",
        },
        new()
        {
            Id = "energy_intensity_reduction", NameZh = "单位国内生产总值能源消耗降低", NameEn = "Reduction of energy use per unit of GDP", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = EnergyIntensityReductionFormula.InForce, Scope = KpiScope.National,
            TrackFormulas = new Dictionary<string, KpiFormula>
            {
                [KpiTracks.Gross] = EnergyIntensityReductionFormula.Gross,
                [KpiTracks.Official] = OfficialReductionFormula.EnergyIntensity,
            },
            Targets =
            [
                Binding(T(2020, 2025, 13.5, TargetModality.Firm) with { SourceUrl = ActionPlan2025Url }),
                Reference(T(2020, 2025, 13.5, TargetModality.Firm, KpiTracks.Gross) with { SourceUrl = ActionPlan2025Url }),
                Reference(T(2020, 2025, 13.5, TargetModality.Firm, KpiTracks.Official) with { SourceUrl = ActionPlan2025Url }),
            ],
            PathShape = PathShape.Geometric,
            PlanSection = "二; 三(二)", PlanLines = "L563",
            Note = "Main track: the definition in force since the 2024 statistical communiqué (energy excluding feedstock use and non-fossil energy, per unit of GDP at constant prices); the gross definition (total energy) is a second, ungraded track, and the published figures a third. The plan gives no 2030 number; none is invented.",
            NoteZh = "主口径：2024年统计公报起施行的口径（扣除原料用能和非化石能源消费量，按不变价GDP计算）；旧口径（能源消费总量）为第二口径，不计分；官方公布值为第三口径。方案未给出2030年数值，本平台不作推断。",
        },
        new()
        {
            Id = "carbon_intensity_reduction", NameZh = "单位国内生产总值二氧化碳排放降低", NameEn = "Reduction of CO2 per unit of GDP", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = CarbonIntensityReductionFormula.Instance, Scope = KpiScope.National,
            TrackFormulas = new Dictionary<string, KpiFormula> { [KpiTracks.Official] = OfficialReductionFormula.CarbonIntensity },
            Targets =
            [
                Binding(T(2020, 2025, 18, TargetModality.Firm, KpiTracks.Vs2020) with { SourceUrl = ActionPlan2025Url }),
                T(2005, 2030, 65, TargetModality.AtLeast, KpiTracks.Vs2005) with { SourceUrl = ActionPlan2030Url },
                Reference(T(2020, 2025, 18, TargetModality.Firm, KpiTracks.Official) with { SourceUrl = ActionPlan2025Url }),
            ],
            PathShape = PathShape.Geometric, PlanSection = "二; 六", PlanLines = "L563, L567, L747",
            Note = "1 − (CO2/GDP)_y ÷ (CO2/GDP)_base; base 2020 for the 2025 target (约束性), 2005 for the 2030 target. The primary control metric (L747). China publishes no annual energy-CO2 series: co2_energy is an estimate from the energy mix, so the published year-on-year rates are a third, ungraded track.",
            NoteZh = "1 − (CO2/GDP)当年 ÷ (CO2/GDP)基准年；2025年目标以2020年为基准（约束性），2030年目标以2005年为基准。首要控制指标（L747）。我国不公布年度能源活动CO2排放序列：本平台的能源活动CO2排放为按能源结构估算的数值，因此官方公布的同比变化率作为第三口径，不计分。",
        },
        new()
        {
            Id = "coal_consumption_trend", NameZh = "煤炭消费", NameEn = "Coal consumption trend", Unit = "% YoY",
            Direction = KpiDirection.LowerIsBetter, Formula = CoalTrendFormula.Instance, Scope = KpiScope.National,
            Targets = [T(2020, 2025, 0, TargetModality.Qualitative), T(2025, 2030, 0, TargetModality.Qualitative)],
            PlanSection = "二; 三(一)1", PlanLines = "L563, L565, L577",
            Note = "Direction only: growth strictly controlled in 2021-25, gradually reduced in 2026-30. Value is year-on-year growth.",
            NoteZh = "仅规定方向：“十四五”时期严格合理控制增长，“十五五”时期逐步减少。数值为同比增速。",
        },

        // 1b. Action 1, energy transition (三(一), L573-589).
        new()
        {
            Id = "new_channel_re_share", NameZh = "新建通道可再生能源电量比例", NameEn = "Renewable share on new transmission channels", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Channel,
            Targets = [T(2020, 2030, 50, TargetModality.AtLeast)], PlanSection = "三(一)1", PlanLines = "L577",
            Note = "原则上不低于50%, a standing rule without a date; judged per channel.",
            NoteZh = "原则上不低于50%，为不设期限的常设规则；按渠道分别评价。",
        },
        new()
        {
            Id = "wind_solar_capacity", NameZh = "风电、太阳能发电总装机容量", NameEn = "Installed wind + solar capacity", Unit = "GW",
            Direction = KpiDirection.HigherIsBetter, Formula = CapacityFormula.WindSolar, Scope = KpiScope.National,
            Targets = [T(2020, 2030, 1200, TargetModality.AtLeast)], PlanSection = "三(一)2", PlanLines = "L579",
            Note = "12亿千瓦以上 = 1,200 GW; end-of-year stock. A national total: a province is judged only by its own capacity target.",
            NoteZh = "12亿千瓦以上 = 1,200 GW；年末存量。此为全国总量目标：省份只按本省装机目标评价。",
        },
        new()
        {
            Id = "hydro_capacity_additions", NameZh = "新增水电装机容量", NameEn = "New hydropower capacity per five-year plan", Unit = "GW",
            Direction = KpiDirection.HigherIsBetter, Formula = AdditionsFormula.Hydro, Scope = KpiScope.National,
            Targets = [T(2020, 2025, 40, TargetModality.About), T(2025, 2030, 40, TargetModality.About)],
            PlanSection = "三(一)3", PlanLines = "L581",
            Note = "Capacity added since the start of the five-year plan (end-2020, end-2025); conventional hydro, pumped storage excluded.",
            NoteZh = "自五年规划期初（2020年末、2025年末）以来新增的常规水电装机，不含抽水蓄能。",
        },
        new()
        {
            Id = "new_type_storage_capacity", NameZh = "新型储能装机容量", NameEn = "New-type energy storage capacity", Unit = "GW",
            Direction = KpiDirection.HigherIsBetter, Formula = CapacityFormula.NewTypeStorage, Scope = KpiScope.National,
            Targets = [T(2020, 2025, 30, TargetModality.AtLeast)], PlanSection = "三(一)6", PlanLines = "L589",
            Note = "3000万千瓦以上, power rating (kW), not energy (kWh).",
            NoteZh = "3000万千瓦以上，指功率规模（千瓦），不是能量（千瓦时）。",
        },
        new()
        {
            Id = "pumped_hydro_capacity", NameZh = "抽水蓄能电站装机容量", NameEn = "Pumped-storage hydro capacity", Unit = "GW",
            Direction = KpiDirection.HigherIsBetter, Formula = CapacityFormula.PumpedHydro, Scope = KpiScope.National,
            Targets = [T(2020, 2030, 120, TargetModality.About)], PlanSection = "三(一)6", PlanLines = "L589",
            Note = "1.2亿千瓦左右 = 120 GW.",
            NoteZh = "1.2亿千瓦左右 = 120 GW。",
        },
        new()
        {
            Id = "peak_load_response", NameZh = "尖峰负荷响应能力", NameEn = "Peak-load demand-response capability", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = ShareFormula.PeakLoadResponse, Scope = KpiScope.Provincial,
            Targets = [T(2020, 2030, 5, TargetModality.AtLeast) with { Subject = TargetSubject.EachProvince }], PlanSection = "三(一)6", PlanLines = "L589",
            Note = "Demand-response capability ÷ maximum load of the provincial grid × 100 (省级电网): the target judges each province; the national aggregate is shown, not judged.",
            NoteZh = "需求响应能力 ÷ 省级电网最高负荷 × 100：目标逐省评价；全国汇总值仅作展示，不作评价。",
        },

        // 1c. Action 2 (三(二), L591-603).
        new()
        {
            Id = "datacenter_online_monitoring", NameZh = "数据中心纳入能耗在线监测比例", NameEn = "Large data centres in online energy monitoring", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Facility,
            Targets = [T(2020, 2030, 100, TargetModality.Qualitative)], PlanSection = "三(二)4", PlanLines = "L603",
            Note = "All data centres using over 10,000 tce a year (全部); no date given.",
            NoteZh = "年综合能耗1万吨标准煤以上的全部数据中心；未给出期限。",
        },

        // 1d. Action 3, industry (三(三), L605-625).
        new()
        {
            Id = "crude_primary_capacity_cap", NameZh = "国内原油一次加工能力", NameEn = "Crude-oil primary processing capacity", Unit = "100m t/yr",
            Direction = KpiDirection.LowerIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2025, 10, TargetModality.AtMost)], PlanSection = "三(三)5", PlanLines = "L621",
            Note = "控制在10亿吨以内: a ceiling; headroom is shown, 'on track' does not apply.",
            NoteZh = "控制在10亿吨以内：为上限目标；显示剩余空间，“进展顺利”不适用。",
        },
        new()
        {
            Id = "petrochem_capacity_utilisation", NameZh = "主要产品产能利用率", NameEn = "Capacity utilisation of main petrochemical products", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2025, 80, TargetModality.AtLeast)], PlanSection = "三(三)5", PlanLines = "L621",
        },

        // 1e. Action 4, buildings (三(四), L627-639).
        new()
        {
            Id = "green_building_new_urban", NameZh = "城镇新建建筑执行绿色建筑标准", NameEn = "New urban buildings meeting green-building standards", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2025, 100, TargetModality.Qualitative)], PlanSection = "三(四)2", PlanLines = "L633",
        },
        new()
        {
            Id = "building_re_substitution", NameZh = "城镇建筑可再生能源替代率", NameEn = "Renewable substitution rate in urban buildings", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2025, 8, TargetModality.Firm)], PlanSection = "三(四)3", PlanLines = "L637",
            Note = "The plan does not define the rate.",
            NoteZh = "方案未定义该比率。",
        },
        new()
        {
            Id = "rooftop_pv_coverage_new", NameZh = "新建公共机构建筑、新建厂房屋顶光伏覆盖率", NameEn = "Rooftop PV coverage on new public and factory buildings", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2025, 50, TargetModality.Aspirational)], PlanSection = "三(四)3", PlanLines = "L637",
        },

        // 1f. Action 5, transport (三(五), L641-651).
        new()
        {
            Id = "clean_vehicle_share_new", NameZh = "当年新增新能源、清洁能源动力的交通工具比例", NameEn = "New- and clean-energy share of new transport vehicles", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2030, 40, TargetModality.About)], PlanSection = "三(五)1", PlanLines = "L645-647",
        },
        new()
        {
            Id = "transport_op_carbon_intensity", NameZh = "营运交通工具单位换算周转量碳排放强度降低", NameEn = "Carbon-intensity reduction of commercial transport", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2030, 9.5, TargetModality.About)], PathShape = PathShape.Geometric, PlanSection = "三(五)1", PlanLines = "L647",
        },
        new()
        {
            Id = "rail_energy_intensity", NameZh = "国家铁路单位换算周转量综合能耗降低", NameEn = "Energy-intensity reduction of national railways", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2030, 10, TargetModality.Firm)], PathShape = PathShape.Geometric, PlanSection = "三(五)1", PlanLines = "L647",
        },
        new()
        {
            Id = "land_transport_oil_peak", NameZh = "陆路交通运输石油消费达到峰值", NameEn = "Land-transport oil consumption peak", Unit = "year",
            Direction = KpiDirection.LowerIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2030, 2030, TargetModality.Aspirational)], PlanSection = "三(五)1", PlanLines = "L647",
        },
        new()
        {
            Id = "container_rail_water_growth", NameZh = "集装箱铁水联运量年均增长", NameEn = "Container rail-water intermodal volume growth", Unit = "%/yr",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Sector,
            Targets = [T(2020, 2025, 15, TargetModality.AtLeast)], PlanSection = "三(五)2", PlanLines = "L649",
        },
        new()
        {
            Id = "green_travel_share", NameZh = "城区常住人口100万以上的城市绿色出行比例", NameEn = "Green travel share in cities over 1 million", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.City,
            Targets = [T(2020, 2030, 70, TargetModality.AtLeast)], PlanSection = "三(五)2", PlanLines = "L649",
        },
        new()
        {
            Id = "airport_vehicle_electrification", NameZh = "民用运输机场场内车辆装备电动化", NameEn = "Electrification of airport airside vehicles", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Facility,
            Targets = [T(2020, 2030, 100, TargetModality.Aspirational)], PlanSection = "三(五)3", PlanLines = "L651",
        },

        // 1g. Action 6, circular economy (三(六), L653-665).
        new()
        {
            Id = "park_circular_retrofit", NameZh = "省级以上重点产业园区循环化改造", NameEn = "Key industrial parks with circular retrofit", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Park,
            Targets = [T(2020, 2030, 100, TargetModality.Qualitative)], PlanSection = "三(六)1", PlanLines = "L657",
        },
        new()
        {
            Id = "bulk_solid_waste_utilisation", NameZh = "大宗固废年利用量", NameEn = "Annual utilisation of bulk solid waste", Unit = "100m t",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.National,
            Targets = [T(2020, 2025, 40, TargetModality.About), T(2025, 2030, 45, TargetModality.About)], PlanSection = "三(六)2", PlanLines = "L659",
        },
        new()
        {
            Id = "recycled_resources_volume", NameZh = "9种主要再生资源循环利用量", NameEn = "Recycling of 9 main renewable resources", Unit = "100m t",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.National,
            Targets = [T(2020, 2025, 4.5, TargetModality.Firm), T(2025, 2030, 5.1, TargetModality.Firm)], PlanSection = "三(六)3", PlanLines = "L663",
            Note = "The reprint says 利用率 next to a tonnage; modelled as a volume (利用量). Check against the official text.",
            NoteZh = "转载文本在吨数旁写作“利用率”；本平台按利用量建模。须与官方原文核对。",
        },
        new()
        {
            Id = "household_waste_resource_ratio", NameZh = "生活垃圾资源化利用比例", NameEn = "Household waste recovered as a resource", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.City,
            Targets = [T(2020, 2025, 60, TargetModality.About), T(2025, 2030, 65, TargetModality.Firm)], PlanSection = "三(六)4", PlanLines = "L665",
        },
        new()
        {
            Id = "waste_sorting_coverage", NameZh = "城市生活垃圾分类覆盖", NameEn = "Urban household-waste sorting coverage", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.City,
            Targets = [T(2025, 2030, 100, TargetModality.Qualitative)], PlanSection = "三(六)4", PlanLines = "L665",
        },

        // 1h. Action 8, carbon sinks (三(八), L683-693).
        new()
        {
            Id = "forest_coverage", NameZh = "森林覆盖率", NameEn = "Forest coverage rate", Unit = "%",
            Direction = KpiDirection.HigherIsBetter, Formula = ReportedFormula.ForestCoverage, Scope = KpiScope.National,
            Targets =
            [
                T(2020, 2025, 24.1, TargetModality.Firm) with
                {
                    Source = "《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》（2021-03）：到2025年森林覆盖率达到24.1%",
                    SourceUrl = "https://news.cctv.com/2021/03/13/ARTIhlStpmAR2XQ6S3WT3qWQ210313.shtml",
                },
                T(2025, 2030, 25, TargetModality.About),
            ],
            PlanSection = "三(八)2", PlanLines = "L689",
            Note = "The 2025 milestone is the 14th Five-Year Plan outline's (24.1%); the 2030 one the action plan's (25%左右). Inventory figures: a baseline between two inventories is interpolated and flagged.",
            NoteZh = "2025年节点取自“十四五”规划纲要（24.1%）；2030年节点取自行动方案（25%左右）。数据来自森林资源清查：两次清查之间的基准值为插值估算，并予标注。",
        },
        new()
        {
            Id = "forest_stock_volume", NameZh = "森林蓄积量", NameEn = "Forest growing-stock volume", Unit = "100m m3",
            Direction = KpiDirection.HigherIsBetter, Formula = ReportedFormula.ForestStock, Scope = KpiScope.National,
            Targets = [T(2020, 2030, 190, TargetModality.Firm)], PlanSection = "三(八)2", PlanLines = "L689",
            Note = "190亿立方米 = 190 (100m m3). A national total: provinces are not judged by it.",
            NoteZh = "190亿立方米 = 190（亿立方米）。此为全国总量目标：不据此评价省份。",
        },

        // 1j. Action 10, regions (三(十), L707-719).
        new()
        {
            Id = "peaking_pilots", NameZh = "碳达峰试点城市和园区", NameEn = "Peaking pilot cities and parks", Unit = "count",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.National,
            Targets = [T(2020, 2030, 100, TargetModality.Firm)], PlanSection = "三(十)4", PlanLines = "L719",
        },
        new()
        {
            Id = "provincial_peak_plans", NameZh = "各地区碳达峰行动方案", NameEn = "Provincial peaking action plans approved", Unit = "count",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Provincial,
            Targets = [T(2020, 2030, 31, TargetModality.Qualitative)], PlanSection = "三(十)3", PlanLines = "L715-717",
        },
        new()
        {
            Id = "provincial_annual_assessment", NameZh = "碳达峰目标任务年度评估", NameEn = "Annual provincial assessment of peaking tasks", Unit = "count",
            Direction = KpiDirection.HigherIsBetter, Formula = NoDataSourceFormula.Instance, Scope = KpiScope.Provincial,
            Targets = [T(2020, 2030, 31, TargetModality.Qualitative)], PlanSection = "六(三)", PlanLines = "L747-749",
            Note = "Every province reports every year; PeakMonitor's own assessment report serves it.",
            NoteZh = "各省每年报告；由 PeakMonitor 自身生成的年度评估报告承担。",
        },
    ];

    private static readonly Dictionary<string, KpiDefinition> ById = All.ToDictionary(k => k.Id, StringComparer.Ordinal);

    public static bool TryGet(string id, out KpiDefinition definition) => ById.TryGetValue(id, out definition!);

    public static KpiDefinition Get(string id) =>
        ById.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"'{id}' is not a KPI of the catalogue.");

    /// <summary>The KPIs the product can compute from the indicators it collects.</summary>
    public static IEnumerable<KpiDefinition> Computable => All.Where(k => k.HasDataSource);
}

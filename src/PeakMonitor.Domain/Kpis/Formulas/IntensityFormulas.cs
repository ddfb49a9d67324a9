using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Kpis.Formulas;

/// <summary>Which energy an energy-intensity figure counts.</summary>
public enum EnergyBasis
{
    /// <summary>
    /// The definition in force since the 2024 statistical communiqué: energy consumption excluding
    /// feedstock use (原料用能) and non-fossil energy, per unit of GDP.
    /// </summary>
    InForce,

    /// <summary>The gross definition used before: total energy consumption per unit of GDP.</summary>
    Gross,
}

/// <summary>
/// An intensity reduction against a base year, in percent: 1 − I(y)/I(base), with I = numerator ÷
/// GDP at constant prices (二, L563: 单位国内生产总值能源消耗 / 二氧化碳排放). The rates behind it are
/// constant annual declines (geometric path).
/// </summary>
public abstract class IntensityReductionFormula : KpiFormula
{
    protected static readonly IndicatorId Gdp = Id("gdp_real");

    public override KpiMeasure Measure => KpiMeasure.Rate;

    public override RateKind RateKind => RateKind.IntensityDecline;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) =>
        Trajectory.Reduction(Underlying(inputs, year, baselineYear), Underlying(inputs, baselineYear, baselineYear));

    /// <summary>The intensity itself (numerator per 100m CNY of GDP at constant prices).</summary>
    public override double? Underlying(KpiInputs inputs, int year, int baselineYear) => Ratio(Numerator(inputs, year), inputs[Gdp, year]);

    protected abstract double? Numerator(KpiInputs inputs, int year);
}

/// <summary>
/// 单位国内生产总值能源消耗降低, on the definition in force or the gross one. On the definition in
/// force the deductions (feedstock use, non-fossil energy) are rarely published as quantities: where
/// the baseline year has them, the reduction is recomputed from the raw data; where it has not, the
/// published figure stands in (<see cref="OfficialReductionFormula.EnergyIntensity"/>, flagged
/// official). One region is measured one way throughout, so that its rates compare like with like.
/// </summary>
public sealed class EnergyIntensityReductionFormula(EnergyBasis basis) : IntensityReductionFormula
{
    private static readonly IndicatorId Energy = Id("energy_total");
    private static readonly IndicatorId Feedstock = Id("energy_feedstock");
    private static readonly IndicatorId NonFossil = Id("energy_nonfossil");

    public static EnergyIntensityReductionFormula InForce { get; } = new(EnergyBasis.InForce);

    public static EnergyIntensityReductionFormula Gross { get; } = new(EnergyBasis.Gross);

    public EnergyBasis Basis => basis;

    public override IReadOnlyList<IndicatorId> Inputs => basis == EnergyBasis.InForce
        ? [Energy, Feedstock, NonFossil, Gdp, .. OfficialReductionFormula.EnergyIntensity.Inputs]
        : [Energy, Gdp];

    public override string DescriptionZh => basis == EnergyBasis.InForce
        ? "现行口径：1 − (扣除原料用能和非化石能源后的能源消费量 / 不变价GDP)当年 ÷ (…)基准年，以百分比表示；能源 = 能源消费总量 − 原料用能 − 非化石能源消费量。基准年缺少原料用能数据时，采用官方公布值。"
        : "旧口径：1 − (能源消费总量 / 不变价GDP)当年 ÷ (…)基准年，以百分比表示";

    public override string DescriptionEn => basis == EnergyBasis.InForce
        ? "Definition in force: 1 − (energy excluding feedstock use and non-fossil energy / gdp_real)_y ÷ (…)_baseline, in percent; energy = energy_total − energy_feedstock − energy_nonfossil. Where the baseline year lacks feedstock data, the published figure is used."
        : "Gross definition: 1 − (energy_total / gdp_real)_y ÷ (…)_baseline, in percent";

    public override bool IsOfficial(KpiInputs inputs, int year, int baselineYear) => basis == EnergyBasis.InForce && !Recomputable(inputs, baselineYear);

    public override double? Value(KpiInputs inputs, int year, int baselineYear) =>
        IsOfficial(inputs, year, baselineYear) ? OfficialReductionFormula.EnergyIntensity.Value(inputs, year, baselineYear) : base.Value(inputs, year, baselineYear);

    public override double? Underlying(KpiInputs inputs, int year, int baselineYear) =>
        IsOfficial(inputs, year, baselineYear) ? OfficialReductionFormula.EnergyIntensity.Underlying(inputs, year, baselineYear) : base.Underlying(inputs, year, baselineYear);

    private bool Recomputable(KpiInputs inputs, int baselineYear) => Numerator(inputs, baselineYear) is not null && inputs[Gdp, baselineYear] is not null;

    protected override double? Numerator(KpiInputs inputs, int year)
    {
        if (inputs[Energy, year] is not { } total)
        {
            return null;
        }

        if (basis == EnergyBasis.Gross)
        {
            return total;
        }

        // Both deductions must be known: leaving one out would mix the two definitions silently.
        return inputs[Feedstock, year] is { } feedstock && inputs[NonFossil, year] is { } nonFossil && total - feedstock - nonFossil is var net && net > 0 ? net : null;
    }
}

/// <summary>单位国内生产总值二氧化碳排放降低: energy-related CO2 per unit of GDP (二, L563, L567; 六, L747).</summary>
public sealed class CarbonIntensityReductionFormula : IntensityReductionFormula
{
    private static readonly IndicatorId Co2 = Id("co2_energy");

    public static CarbonIntensityReductionFormula Instance { get; } = new();

    public override IReadOnlyList<IndicatorId> Inputs => [Co2, Gdp];

    public override string DescriptionZh => "1 − (能源活动CO2排放 / 不变价GDP)当年 ÷ (…)基准年，以百分比表示";

    public override string DescriptionEn => "1 − (co2_energy / gdp_real)_y ÷ (…)_baseline, in percent";

    protected override double? Numerator(KpiInputs inputs, int year) => inputs[Co2, year];
}

/// <summary>
/// The reduction as the statistics office publishes it, from stored data: the published cumulative
/// change over the current five-year plan (基年 2020 for 2021–25) where there is one, else the
/// published year-on-year changes chained onto the last known year, R(y) = 1 − Π(1 + c_i/100).
/// Shown beside our own recomputation so the difference can be audited; a year without a published
/// figure leaves the chain, and the value, open.
/// </summary>
public sealed class OfficialReductionFormula(string yearOnYear, string? planToDate, string zh, string en) : KpiFormula
{
    private readonly IndicatorId _yearOnYear = Id(yearOnYear);
    private readonly IndicatorId? _planToDate = planToDate is null ? null : Id(planToDate);

    /// <summary>
    /// 单位GDP能耗 on the definition in force (扣除原料用能和非化石能源消费量): the NBS communiqué's
    /// year-on-year rate and the NDRC's cumulative rate for the plan so far.
    /// </summary>
    public static OfficialReductionFormula EnergyIntensity { get; } = new(
        "energy_intensity_change", "energy_intensity_plan_change",
        "官方公布值（现行口径：扣除原料用能和非化石能源消费量）：五年规划期内累计变化率；无累计值的年份以上年为基础连乘同比变化率",
        "As published (definition in force: excluding feedstock use and non-fossil energy): the cumulative change over the five-year plan so far; in other years the year-on-year changes chained onto the year before");

    /// <summary>单位GDP二氧化碳排放 as the communiqués publish it (year-on-year).</summary>
    public static OfficialReductionFormula CarbonIntensity { get; } = new(
        "co2_intensity_change", null,
        "官方公布的万元国内生产总值二氧化碳排放比上年变化率，自基准年起连乘：1 − Π(1 + c/100)",
        "The published year-on-year changes of CO2 per unit of GDP, chained from the baseline: 1 − Π(1 + c/100)");

    public override IReadOnlyList<IndicatorId> Inputs => _planToDate is { } p ? [_yearOnYear, p] : [_yearOnYear];

    public override string DescriptionZh => zh;

    public override string DescriptionEn => en;

    public override KpiMeasure Measure => KpiMeasure.Rate;

    public override RateKind RateKind => RateKind.IntensityDecline;

    public override bool IsOfficial(KpiInputs inputs, int year, int baselineYear) => true;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) =>
        Trajectory.Reduction(Underlying(inputs, year, baselineYear), Underlying(inputs, baselineYear, baselineYear));

    /// <summary>The intensity as an index (1 in the base year of the five-year plan that contains <paramref name="baselineYear"/>).</summary>
    public override double? Underlying(KpiInputs inputs, int year, int baselineYear)
    {
        var origin = PlanBase(baselineYear + 1);
        return Index(inputs, year, origin, depth: 0);
    }

    /// <summary>The base year of the five-year plan a year belongs to: 2020 for 2021–2025.</summary>
    public static int PlanBase(int year) => 5 * (int)Math.Floor((year - 1) / 5.0);

    private double? Index(KpiInputs inputs, int year, int origin, int depth)
    {
        if (year == origin)
        {
            return 1;
        }

        if (depth > 40)
        {
            return null;
        }

        if (year > origin)
        {
            // A cumulative figure counts from its own plan's base; it is usable when that base is the origin.
            if (_planToDate is { } cumulative && PlanBase(year) == origin && inputs[cumulative, year] is { } c)
            {
                return 1 + (c / 100);
            }

            return inputs[_yearOnYear, year] is { } change && Index(inputs, year - 1, origin, depth + 1) is { } before ? before * (1 + (change / 100)) : null;
        }

        return inputs[_yearOnYear, year + 1] is { } next && Index(inputs, year + 1, origin, depth + 1) is { } after ? after / (1 + (next / 100)) : null;
    }
}

using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Kpis.Formulas;

/// <summary>
/// 2030年前碳达峰 (一(一), L549; 二, L567): the value is the peak year once the peak rule confirms it; the
/// judgement is <see cref="PeakOutlook"/>'s (on course / at risk / off course before the deadline).
/// </summary>
public sealed class Co2PeakFormula : KpiFormula
{
    private static readonly IndicatorId Co2 = Id("co2_energy");

    public static Co2PeakFormula Instance { get; } = new();

    public static IndicatorId Emissions => Co2;

    public override IReadOnlyList<IndicatorId> Inputs => [Co2];

    public override string DescriptionZh => "按达峰判定规则确认的能源活动CO2排放峰值年份；未达峰时按近年趋势与平台期检验判断";

    public override string DescriptionEn => "The peak year of co2_energy by the peak rule; before a peak, judged from the recent trend and a plateau test";

    public override KpiJudgement Judgement => KpiJudgement.Peak;

    public override KpiMeasure Measure => KpiMeasure.Event;

    public override RateKind RateKind => RateKind.Co2Growth;

    /// <summary>The peak year needs the peak rule's thresholds: the engine's peak judgement sets it.</summary>
    public override double? Value(KpiInputs inputs, int year, int baselineYear) => null;

    public override double? Underlying(KpiInputs inputs, int year, int baselineYear) => inputs[Co2, year];
}

/// <summary>
/// 煤炭消费 (二, L563-565; 三(一)1, L577): year-on-year growth of coal consumption, judged by direction
/// (growth strictly controlled in 2021–25, reduced in 2026–30). The nation's coal use is a total.
/// </summary>
public sealed class CoalTrendFormula : KpiFormula
{
    private static readonly IndicatorId Coal = Id("energy_coal");

    public static CoalTrendFormula Instance { get; } = new();

    public override IReadOnlyList<IndicatorId> Inputs => [Coal];

    public override string DescriptionZh => "煤炭消费量同比增长率";

    public override string DescriptionEn => "year-on-year growth of energy_coal";

    public override KpiJudgement Judgement => KpiJudgement.Direction;

    public override KpiMeasure Measure => KpiMeasure.Total;

    public override RateKind RateKind => RateKind.CoalGrowth;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) =>
        inputs[Coal, year - 1] is { } previous && inputs[Coal, year] is { } current ? Trajectory.CompoundGrowth(previous, current, 1) : null;

    public override double? Underlying(KpiInputs inputs, int year, int baselineYear) => inputs[Coal, year];

    public override double? Total(KpiInputs inputs, int year) => inputs[Coal, year];
}

using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Kpis.Formulas;

/// <summary>A share in percent: numerator ÷ denominator × 100, both read in the same year.</summary>
public sealed class ShareFormula(string numerator, string denominator, string zh, string en) : KpiFormula
{
    private readonly IndicatorId _numerator = Id(numerator);
    private readonly IndicatorId _denominator = Id(denominator);

    /// <summary>非化石能源消费比重 (二, L563): non-fossil ÷ total primary energy, both by the coal-substitution method.</summary>
    public static ShareFormula NonFossil { get; } = new("energy_nonfossil", "energy_total", "非化石能源消费量 ÷ 能源消费总量 × 100", "energy_nonfossil ÷ energy_total × 100");

    /// <summary>尖峰负荷响应能力 (三(一)6, L589): demand-response capability ÷ the provincial grid's maximum load.</summary>
    public static ShareFormula PeakLoadResponse { get; } = new("dr_capacity", "peak_load", "需求响应能力 ÷ 最大负荷 × 100", "dr_capacity ÷ peak_load × 100");

    public override IReadOnlyList<IndicatorId> Inputs => [_numerator, _denominator];

    public override string DescriptionZh => zh;

    public override string DescriptionEn => en;

    public override KpiMeasure Measure => KpiMeasure.Rate;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) =>
        Ratio(inputs[_numerator, year], inputs[_denominator, year]) * 100;
}

/// <summary>A value as reported (an inventory result such as forest coverage or stock).</summary>
public sealed class ReportedFormula(string indicator, KpiMeasure measure, string zh, string en) : KpiFormula
{
    private readonly IndicatorId _indicator = Id(indicator);

    /// <summary>森林覆盖率 (三(八)2, L689): a share of land, each province at its own level.</summary>
    public static ReportedFormula ForestCoverage { get; } = new("forest_coverage", KpiMeasure.Rate, "森林覆盖率，按报告值（森林资源清查、监测）", "forest_coverage as reported (forest inventories and monitoring)");

    /// <summary>森林蓄积量 (三(八)2, L689): a volume, provinces add up to the nation.</summary>
    public static ReportedFormula ForestStock { get; } = new("forest_stock", KpiMeasure.Total, "森林蓄积量，按报告值（森林资源清查、监测）", "forest_stock as reported (forest inventories and monitoring)");

    public override IReadOnlyList<IndicatorId> Inputs => [_indicator];

    public override string DescriptionZh => zh;

    public override string DescriptionEn => en;

    public override KpiMeasure Measure => measure;

    /// <summary>Inventories come every few years: the baseline year is often between two of them.</summary>
    public override bool BaselineMayBeInterpolated => true;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) => inputs[_indicator, year];

    public override double? Total(KpiInputs inputs, int year) => measure == KpiMeasure.Total ? inputs[_indicator, year] : null;
}

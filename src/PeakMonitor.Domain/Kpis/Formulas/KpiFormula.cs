using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Kpis.Formulas;

/// <summary>How a KPI's value is judged against its target.</summary>
public enum KpiJudgement
{
    /// <summary>Against an expected path from baseline to target (§5.3): most KPIs.</summary>
    Path,

    /// <summary>The CO2 peak: an event with a deadline (<see cref="PeakOutlook"/>).</summary>
    Peak,

    /// <summary>A direction without a number (coal: growth controlled, then reduced).</summary>
    Direction,
}

/// <summary>
/// One KPI's computation as an object: the raw inputs it reads, how it turns them into the KPI's value,
/// what it says about itself (the methodology page and the narrative read it from here) and the plan
/// line it follows. A new KPI is one catalogue entry plus, if no existing formula fits, one class.
/// Values are null when an input is missing, never zero.
/// </summary>
public abstract class KpiFormula
{
    /// <summary>The raw indicators read (sector <c>all</c>).</summary>
    public abstract IReadOnlyList<IndicatorId> Inputs { get; }

    /// <summary>The computation in words, Chinese.</summary>
    public abstract string DescriptionZh { get; }

    /// <summary>The computation in words, English.</summary>
    public abstract string DescriptionEn { get; }

    public virtual KpiJudgement Judgement => KpiJudgement.Path;

    /// <summary>Total, rate or event: decides whom a national target judges.</summary>
    public abstract KpiMeasure Measure { get; }

    public virtual RateKind RateKind => RateKind.Growth;

    /// <summary>False only for KPIs whose raw data the product does not collect yet.</summary>
    public virtual bool HasDataSource => true;

    /// <summary>
    /// A stock or level read from periodic inventories (capacity, forest): a missing baseline year may
    /// be estimated by interpolating between the observations around it (flagged as estimated).
    /// </summary>
    public virtual bool BaselineMayBeInterpolated => false;

    /// <summary>
    /// The KPI's value in <paramref name="year"/>. <paramref name="baselineYear"/> matters to KPIs
    /// measured against a base: intensity reductions (vs the base year) and additions (since the start
    /// of the five-year plan).
    /// </summary>
    public abstract double? Value(KpiInputs inputs, int year, int baselineYear);

    /// <summary>The series whose recent rate and trend are measured: the intensity for reductions, the value otherwise.</summary>
    public virtual double? Underlying(KpiInputs inputs, int year, int baselineYear) => Value(inputs, year, baselineYear);

    /// <summary>
    /// For totals: the additive quantity behind the value (capacity, coal use), from which a province's
    /// share of the national total and its contribution to the national change are computed. Null for rates.
    /// </summary>
    public virtual double? Total(KpiInputs inputs, int year) => null;

    /// <summary>True when the value is a published figure read from stored data rather than recomputed from raw inputs.</summary>
    public virtual bool IsOfficial(KpiInputs inputs, int year, int baselineYear) => false;

    protected static IndicatorId Id(string id) => IndicatorId.Parse(id);

    protected static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? n / d : null;
}

/// <summary>A KPI catalogued with its targets whose raw data the product does not collect yet.</summary>
public sealed class NoDataSourceFormula : KpiFormula
{
    public static NoDataSourceFormula Instance { get; } = new();

    public override IReadOnlyList<IndicatorId> Inputs => [];

    public override string DescriptionZh => "本平台尚未采集该指标所需的原始数据；目标如下，暂不计算。";

    public override string DescriptionEn => "The product does not collect this KPI's raw data yet: its targets are listed, it is not computed.";

    public override KpiMeasure Measure => KpiMeasure.Rate;

    public override bool HasDataSource => false;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) => null;
}

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Every threshold the KPI engine judges by, in one place (configuration section <c>Kpi</c>). The
/// plan itself gives none of these numbers: they are product decisions (action-plan-kpis.md §5.3,
/// §5.5 item 5), documented here and in the README, and configurable.
/// </summary>
public sealed record KpiJudgementOptions
{
    /// <summary>左右 "about" targets on percent KPIs are met within this many percentage points (§5.3 suggests ±0.5).</summary>
    public double AboutTolerancePoints { get; init; } = 0.5;

    /// <summary>左右 "about" targets on other units are met within this share of the target (0.025 = ±2.5%).</summary>
    public double AboutToleranceRelative { get; init; } = 0.025;

    /// <summary>Years over which the actual recent annual rate is measured (compound rate).</summary>
    public int RecentRateYears { get; init; } = 3;

    /// <summary>Years of history the projection's linear trend is fitted on (least squares).</summary>
    public int ProjectionTrendYears { get; init; } = 5;

    /// <summary>
    /// Behind the path, a KPI is 二级 比较严峻 (at risk) while the required annual rate is at most
    /// this multiple of the actual recent rate, and 一级 十分严峻 (off track) beyond it.
    /// </summary>
    public double AtRiskRateMultiple { get; init; } = 1.5;

    /// <summary>考核 score thresholds (anchors.md §12e): ≥95 超额完成, ≥80 完成, ≥60 基本完成, else 未完成.</summary>
    public double ExceededScore { get; init; } = 95;

    public double CompletedScore { get; init; } = 80;

    public double BasicallyCompletedScore { get; init; } = 60;

    /// <summary>Progress beyond the path that earns the full 100 points: 0.25 = 125% of the expected distance.</summary>
    public double FullScoreOverachievement { get; init; } = 0.25;

    /// <summary>CO2 peak rule: at least this many years of data before anything is concluded.</summary>
    public int PeakMinYears { get; init; } = 5;

    /// <summary>CO2 peak rule: the maximum must be followed by at least this many consecutive lower years (§5.2).</summary>
    public int PeakConfirmationYears { get; init; } = 2;

    /// <summary>CO2 peak rule: and the latest year must be at least this share below the maximum (0.01 = 1%).</summary>
    public double PeakMinDecline { get; init; } = 0.01;

    /// <summary>CO2 peak before its deadline: years of the plateau test's trend line (<see cref="PeakOutlook"/>).</summary>
    public int PeakPlateauYears { get; init; } = 5;

    /// <summary>
    /// A stock or inventory level (capacity, forest) without an observation in its baseline year is
    /// estimated by linear interpolation between the nearest observations before and after it, when
    /// they are at most this many years apart (forest inventories come every five years). Flows and
    /// intensities are never interpolated. The result is flagged as estimated.
    /// </summary>
    public int MaxBaselineGapYears { get; init; } = 5;

    public IEnumerable<string> Validate()
    {
        if (AboutTolerancePoints < 0 || AboutToleranceRelative < 0)
        {
            yield return "Kpi: tolerances must not be negative.";
        }

        if (RecentRateYears < 1 || ProjectionTrendYears < 2)
        {
            yield return "Kpi: RecentRateYears must be ≥ 1 and ProjectionTrendYears ≥ 2.";
        }

        if (AtRiskRateMultiple < 1)
        {
            yield return "Kpi:AtRiskRateMultiple must be ≥ 1.";
        }

        if (!(ExceededScore > CompletedScore && CompletedScore > BasicallyCompletedScore && BasicallyCompletedScore > 0))
        {
            yield return "Kpi: score thresholds must fall: ExceededScore > CompletedScore > BasicallyCompletedScore > 0.";
        }

        if (PeakMinYears < 2 || PeakConfirmationYears < 1 || PeakMinDecline < 0)
        {
            yield return "Kpi: PeakMinYears must be ≥ 2, PeakConfirmationYears ≥ 1, PeakMinDecline ≥ 0.";
        }

        if (PeakPlateauYears < 3)
        {
            yield return "Kpi:PeakPlateauYears must be ≥ 3 (a trend line needs a degree of freedom).";
        }

        if (MaxBaselineGapYears < 0)
        {
            yield return "Kpi:MaxBaselineGapYears must not be negative (0 turns interpolation off).";
        }
    }
}

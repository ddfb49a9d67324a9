using System.Globalization;

namespace PeakMonitor.Domain.Kpis;

/// <summary>The two KPIs without a numeric path: the CO2 peak (an event) and the coal trend (a direction).</summary>
internal static class KpiSpecialRules
{
    /// <summary>
    /// 2030年前碳达峰 (一(一), L549; 二, L567). Value: the peak year once <see cref="PeakRule"/> confirms
    /// it from data up to this year. Status: peaked by the target year → achieved early (on track once
    /// the year is reached); not yet peaked at or after 2030 → off track; before that, by the recent
    /// trend: emissions falling (compound rate ≤ 0) → on track; rising more slowly than in the
    /// preceding years → at risk; rising as fast or faster → off track. Too little data → no data.
    /// </summary>
    public static KpiResult Peak(KpiResult result, KpiValues values, int year, KpiTarget target, KpiJudgementOptions options)
    {
        var (state, peakYear) = PeakRule.Evaluate(values.Co2History(year), options);
        var n = options.RecentRateYears;
        var now = values.Underlying(KpiFormula.Co2Peak, year, target.BaselineYear);
        var past = values.Underlying(KpiFormula.Co2Peak, year - n, target.BaselineYear);
        var earlier = values.Underlying(KpiFormula.Co2Peak, year - (2 * n), target.BaselineYear);
        double? recent = past is { } p && now is { } c ? Trajectory.CompoundGrowth(p, c, n) : null;
        double? before = earlier is { } e && past is { } p2 ? Trajectory.CompoundGrowth(e, p2, n) : null;
        result = result with { Value = peakYear, PeakState = state, ActualAnnualRate = recent, RateUnit = "% per year (CO2 growth)", Target = target.Value };

        if (state == PeakState.Unknown || now is null)
        {
            return result with { Status = KpiStatus.NoData, Note = $"too little CO2 data to apply the peak rule (needs {options.PeakMinYears} years)" };
        }

        if (state == PeakState.Peaked)
        {
            var early = peakYear < target.TargetYear && year < target.TargetYear;
            return result with { Status = early ? KpiStatus.AchievedEarly : peakYear < target.TargetYear ? KpiStatus.OnTrack : KpiStatus.OffTrack, Note = $"peaked in {peakYear}" };
        }

        var status = year >= target.TargetYear ? KpiStatus.OffTrack
            : recent is <= 0 ? KpiStatus.OnTrack
            : recent is { } r && before is { } b && r < b ? KpiStatus.AtRisk
            : recent is null ? KpiStatus.AtRisk
            : KpiStatus.OffTrack;
        var veto = status == KpiStatus.OffTrack && target.Binding ? AssessmentGrade.NotCompleted : (AssessmentGrade?)null;
        return result with { Status = status, Grade = veto, Note = "not yet peaked" };
    }

    /// <summary>
    /// 煤炭消费 (二, L563-565): growth "strictly controlled" in 2021–25, consumption "gradually reduced" in
    /// 2026–30. Value: year-on-year growth in percent. 2021–25: on track while the compound growth since
    /// 2020 is below that of 2015–20 (growth is being reined in), otherwise at risk. 2026–30: below the
    /// 2025 level and falling → on track; below 2025 but rising this year → at risk; at or above the
    /// 2025 level → off track.
    /// </summary>
    public static KpiResult CoalTrend(KpiResult result, KpiValues values, int year, KpiTarget target, KpiJudgementOptions options)
    {
        var value = values.Value(KpiFormula.CoalConsumptionTrend, year, target.BaselineYear);
        var coal = values.Underlying(KpiFormula.CoalConsumptionTrend, year, target.BaselineYear);
        var n = options.RecentRateYears;
        var past = values.Underlying(KpiFormula.CoalConsumptionTrend, year - n, target.BaselineYear);
        result = result with
        {
            Value = value,
            ActualAnnualRate = past is { } p && coal is { } c ? Trajectory.CompoundGrowth(p, c, n) : null,
            RateUnit = "% per year (coal consumption growth)",
        };
        if (value is null || coal is null)
        {
            return result with { Status = KpiStatus.NoData, Note = "no coal consumption for this year or the one before" };
        }

        var y0 = target.BaselineYear;
        if (year <= y0)
        {
            return result with { Note = $"before the {y0 + 1}–{target.TargetYear} plan period: shown, not judged" };
        }

        var baseCoal = values.Underlying(KpiFormula.CoalConsumptionTrend, y0, y0);
        result = result with { BaselineValue = baseCoal };
        if (target.TargetYear <= 2025)
        {
            var prior = values.Underlying(KpiFormula.CoalConsumptionTrend, y0 - 5, y0);
            var since = baseCoal is { } b ? Trajectory.CompoundGrowth(b, coal.Value, year - y0) : null;
            var previousPlan = prior is { } pr && baseCoal is { } b2 ? Trajectory.CompoundGrowth(pr, b2, 5) : null;
            if (since is null || previousPlan is null)
            {
                return result with { Status = KpiStatus.NoData, Note = $"needs coal consumption for {y0 - 5} and {y0}" };
            }

            return result with
            {
                Status = since < previousPlan ? KpiStatus.OnTrack : KpiStatus.AtRisk,
                Note = string.Create(CultureInfo.InvariantCulture, $"growth since {y0}: {since:F2}%/yr vs {previousPlan:F2}%/yr in {y0 - 5}–{y0}"),
            };
        }

        if (baseCoal is not { } level)
        {
            return result with { Status = KpiStatus.NoData, Note = $"no baseline: {y0} is missing" };
        }

        var status = coal >= level ? KpiStatus.OffTrack : value <= 0 ? KpiStatus.OnTrack : KpiStatus.AtRisk;
        return result with { Status = status, Grade = status == KpiStatus.OffTrack ? AssessmentGrade.NotCompleted : null };
    }
}

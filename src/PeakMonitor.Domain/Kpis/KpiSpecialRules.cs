using System.Globalization;
using PeakMonitor.Domain.Kpis.Formulas;

namespace PeakMonitor.Domain.Kpis;

/// <summary>The two KPIs without a numeric path: the CO2 peak (an event with a deadline) and the coal trend (a direction).</summary>
internal static class KpiSpecialRules
{
    /// <summary>
    /// 2030年前碳达峰 (一(一), L549; 二, L567), deadline-aware. Years up to the baseline (2020, before the
    /// plan) are shown, not judged. Before the deadline nothing is vetoed: peaked by the rule → 已提前完成;
    /// falling, or on a plateau (trend not distinguishable from zero), or slowing so that growth reaches
    /// zero by the target year → on course (三级); slowing, but too slowly → at risk (二级); not slowing →
    /// off course (一级). From the target year on: peaked at or before it → on track; otherwise off
    /// track, and a binding target's miss vetoes the grade. "2030年前" is read as no later than 2030.
    /// </summary>
    public static KpiResult Peak(KpiResult result, KpiInputs inputs, int year, KpiTarget target, KpiJudgementOptions options)
    {
        var outlook = PeakOutlook.Evaluate(inputs.History(Co2PeakFormula.Emissions, year), options);
        result = result with
        {
            Value = outlook.PeakYear,
            Peak = outlook,
            ActualAnnualRate = outlook.RecentGrowth,
            Projected = outlook.ProjectedPeakYear,
            Target = target.Value,
        };

        if (outlook.State == PeakState.Unknown || inputs[Co2PeakFormula.Emissions, year] is null)
        {
            return result with
            {
                Status = KpiStatus.NoData,
                Grade = result.Binding && year >= target.TargetYear ? AssessmentGrade.NotAssessable : null,
                Note = $"too little CO2 data to apply the peak rule (needs {options.PeakMinYears} years, and this year)",
            };
        }

        if (year <= target.BaselineYear)
        {
            return result with { Note = $"before the plan period ({target.BaselineYear + 1}–{target.TargetYear}): shown, not judged" };
        }

        var deadline = (int)target.Value;
        if (year < target.TargetYear)
        {
            var status = outlook.State == PeakState.Peaked ? KpiStatus.AchievedEarly
                : outlook.RecentGrowth is <= 0 || outlook.Plateau ? KpiStatus.OnTrack
                : outlook.ProjectedPeakYear is { } projected ? (projected <= deadline ? KpiStatus.OnTrack : KpiStatus.AtRisk)
                : KpiStatus.OffTrack;
            return result with { Status = status, Note = "before the deadline: judged on course / at risk / off course, never a veto" };
        }

        if (outlook.State == PeakState.Peaked && outlook.PeakYear <= deadline)
        {
            return result with { Status = KpiStatus.OnTrack, Note = $"peaked in {outlook.PeakYear}" };
        }

        return result with { Status = KpiStatus.OffTrack, Grade = result.Binding ? AssessmentGrade.NotCompleted : null, Note = "the deadline has passed without a confirmed peak" };
    }

    /// <summary>
    /// 煤炭消费 (二, L563-565): growth "strictly controlled" in 2021–25, consumption "gradually reduced" in
    /// 2026–30. Value: year-on-year growth in percent. 2021–25: on track while the compound growth since
    /// 2020 is below that of 2015–20 (growth is being reined in), otherwise at risk. 2026–30: below the
    /// 2025 level and falling → on track; below 2025 but rising this year → at risk; at or above the
    /// 2025 level → off track (a veto only if the target is binding).
    /// </summary>
    public static KpiResult CoalTrend(KpiResult result, KpiFormula formula, KpiInputs inputs, int year, KpiTarget target, KpiJudgementOptions options)
    {
        var y0 = target.BaselineYear;
        var value = formula.Value(inputs, year, y0);
        var coal = formula.Underlying(inputs, year, y0);
        var n = options.RecentRateYears;
        var past = formula.Underlying(inputs, year - n, y0);
        result = result with
        {
            Value = value,
            ActualAnnualRate = past is { } p && coal is { } c ? Trajectory.CompoundGrowth(p, c, n) : null,
        };
        if (value is null || coal is null)
        {
            return result with { Status = KpiStatus.NoData, Note = "no coal consumption for this year or the one before" };
        }

        if (year <= y0)
        {
            return result with { Note = $"before the {y0 + 1}–{target.TargetYear} plan period: shown, not judged" };
        }

        var baseCoal = formula.Underlying(inputs, y0, y0);
        result = result with { BaselineValue = baseCoal };
        if (target.TargetYear <= 2025)
        {
            var prior = formula.Underlying(inputs, y0 - 5, y0);
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
        return result with { Status = status, Grade = status == KpiStatus.OffTrack && result.Binding ? AssessmentGrade.NotCompleted : null };
    }
}

using System.Globalization;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>
/// The report's words for the outlook (issue 17): the probability cell of the KPI tables, the sentence
/// under a KPI, the CO2 peak test, and the method note. One place, so the HTML/PDF, Word and Excel
/// outputs say the same thing, and the method note says what the methodology page says
/// (<c>Components/Shared/OutlookMethod.razor</c>) with the settings in force.
/// </summary>
public static class OutlookText
{
    public static string ColumnHeader(UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return lang.T("达标概率", "Probability of meeting the target");
    }

    /// <summary>"62%（2025）": the probability in whole percent with the deadline; "—" without an outlook.</summary>
    public static string Cell(KpiOutlook? outlook, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return outlook is null ? "—" : Percent(outlook.Probability) + lang.T($"（{outlook.Deadline}）", $" ({outlook.Deadline})");
    }

    /// <summary>Whole percent, as the dashboard's badge rounds it (invariant digits: a percentage reads the same in both languages).</summary>
    public static string Percent(double probability) => (probability * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The sentence under a KPI's paragraph: probability, median and the 10–90% range at the deadline.</summary>
    public static string Sentence(KpiOutlook outlook, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        ArgumentNullException.ThrowIfNull(lang);
        var last = outlook.Quantiles[^1];
        var unit = outlook.Unit == "%" ? "%" : " " + KpiText.Unit(outlook.Unit, lang);
        return lang.T(
            $"达标概率：按{outlook.AsOfYear}年及以前的数据模拟，{outlook.Deadline}年达到目标（{lang.Num(outlook.Target, 2)}{unit}）的概率为{Percent(outlook.Probability)}；模拟中位数{lang.Num(last.P50, 2)}{unit}，10%–90%区间{lang.Num(last.P10, 2)}–{lang.Num(last.P90, 2)}{unit}。",
            $"Probability of meeting the target: simulated on data up to {outlook.AsOfYear}, the target ({lang.Num(outlook.Target, 2)}{unit}) is met in {outlook.Deadline} with probability {Percent(outlook.Probability)}; simulated median {lang.Num(last.P50, 2)}{unit}, 10–90% range {lang.Num(last.P10, 2)}–{lang.Num(last.P90, 2)}{unit}.");
    }

    /// <summary>The CO2 peak test in one paragraph: probability already peaked, by the deadline, the most likely peak year, and the plateau test.</summary>
    public static string Peak(PeakTest peak, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(peak);
        ArgumentNullException.ThrowIfNull(lang);
        var likely = peak.PeakYearDistribution.MaxBy(p => p.Probability)!;
        var unit = KpiText.Unit(Domain.Indicators.IndicatorCatalog.Get(Domain.Kpis.Formulas.Co2PeakFormula.Emissions).CanonicalUnit, lang);
        var likelyYear = likely.OrLater ? lang.T($"{likely.Year}年或更晚", $"{likely.Year} or later") : lang.T($"{likely.Year}年", $"{likely.Year}");
        var text = lang.T(
            $"达峰检验（按{peak.AsOfYear}年及以前的能源活动二氧化碳排放）：已达峰概率{Percent(peak.ProbabilityPeaked)}（此后任一模拟年份都不超过{peak.ObservedMaxYear}年的历史最高值{lang.Num(peak.ObservedMax, 1)}{unit}）；{peak.HorizonYear}年前达峰的概率{Percent(peak.ProbabilityPeakByHorizon)}；最可能的峰值年份为{likelyYear}（{Percent(likely.Probability)}）。",
            $"Peak test (energy CO2 up to {peak.AsOfYear}): probability already peaked {Percent(peak.ProbabilityPeaked)} (no simulated year above the observed maximum of {lang.Num(peak.ObservedMax, 1)} {unit} in {peak.ObservedMaxYear}); probability of peaking before {peak.HorizonYear} {Percent(peak.ProbabilityPeakByHorizon)}; most likely peak year {likelyYear} ({Percent(likely.Probability)}).");
        if (peak.LatestYearFromMonths is { } months)
        {
            text += lang.T(
                $"其中{months.Year}年为按前{months.Months}个月与上年同期之比（×{lang.Num(months.Ratio, 4)}）估算的值{lang.Num(months.Estimate, 1)}{unit}；平台期检验与规则只用年度数据。",
                $" {months.Year} is estimated from its first {months.Months} months against the same months of {months.Year - 1} (×{lang.Num(months.Ratio, 4)}): {lang.Num(months.Estimate, 1)} {unit}; the plateau test and the rule use annual data only.");
        }

        if (peak.Plateau is { } p)
        {
            text += lang.T(
                $"平台期检验：{p.FromYear}—{p.ToYear}年趋势每年{lang.Num(p.SlopePercentPerYear, 2)}%，95%置信区间[{lang.Num(p.CiLowPercentPerYear, 2)}%, {lang.Num(p.CiHighPercentPerYear, 2)}%]，{(p.Plateau ? "含零，与持平无法区分（平台期）" : "不含零，趋势显著")}。",
                $" Plateau test: trend {p.FromYear}–{p.ToYear} {lang.Num(p.SlopePercentPerYear, 2)}% a year, 95% interval [{lang.Num(p.CiLowPercentPerYear, 2)}%, {lang.Num(p.CiHighPercentPerYear, 2)}%], {(p.Plateau ? "containing zero: not distinguishable from flat (a plateau)" : "excluding zero: a significant trend")}.");
        }

        return text;
    }

    /// <summary>How the probabilities were computed, with the settings in force and the report's year as the as-of year.</summary>
    public static string Method(OutlookOptions options, int year, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lang);
        return lang.T(
            $"达标概率的计算：只用{year}年及以前的数据（截至{year}年），对每项有数值目标的指标，取最近{options.WindowYears}个年度变化（强度类指标取对数变化，比重与装机取差值），用移动块自助法（Künsch 1989）整块抽取，块长{options.BlockLength}年，模拟{options.Draws}条路径至目标年，随机数种子{options.Seed}（同一数据重算结果完全相同）。达标概率 = 目标年模拟值达到名义目标值的路径所占比例（“左右”容差不计为达标）；轨迹图的阴影为10%–90%与25%–75%分位数区间。少于{options.MinChanges}个年度变化、无数值目标或{year}年无数值的指标不给出概率（“—”）。达峰检验用同一模型延续能源活动二氧化碳排放至达峰期限：“已达峰概率”为此后任一模拟年份都不超过历史最高值的路径比例。详见平台“方法说明”。",
            $"How the probability is computed: only data up to {year} are used (as of {year}). For every KPI with a numeric target, the last {options.WindowYears} annual changes (log changes for intensities, differences for shares and capacities) are redrawn in whole blocks by a moving-block bootstrap (Künsch 1989), block {options.BlockLength} years, {options.Draws} simulated paths to the target year, seed {options.Seed} (the same data give the same numbers). Probability = the share of paths whose value in the target year meets the nominal target (the band of an “about” target is not counted as met); the trajectory charts' shading is the 10–90% and 25–75% quantile range. A KPI with fewer than {options.MinChanges} annual changes, without a numeric target, or without a value in {year} has no probability (“—”). The peak test continues energy CO2 to the peak deadline with the same model: “probability already peaked” is the share of paths on which no simulated year exceeds the highest observed value. See the Methodology page.");
    }
}

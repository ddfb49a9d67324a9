using System.Globalization;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>
/// The report's sentences, written from the numbers: value, change since the baseline, distance to the
/// target, expected value on the path, status and grade. A sentence is left out when its number is
/// missing, so no sentence stands without a number behind it.
/// </summary>
public static class Narrative
{
    public static string ForKpi(KpiDefinition kpi, KpiResult? r, RegionCode region, int year, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(lang);
        var place = lang.T(RegionCatalog.Get(region).NameZh, RegionCatalog.Get(region).NameEn);
        var name = lang.T(kpi.NameZh, kpi.NameEn);
        if (kpi.Formula == KpiFormula.NoDataSource)
        {
            return lang.T($"{name}：尚无数据来源，本年度不作评价。", $"{name}: no data source yet; not assessed this year.");
        }

        if (r is null || (r.Value is null && r.PeakState is null))
        {
            return lang.T($"{year}年{place}{name}无数据，不作评价。", $"{name}: no data for {place} in {year}; not assessed.");
        }

        var unit = kpi.Unit == "%" ? lang.T("%", "%") : " " + kpi.Unit;
        var points = kpi.Unit == "%" ? lang.T("个百分点", " percentage points") : unit;
        var sentences = new List<string>();
        if (kpi.Formula == KpiFormula.Co2Peak)
        {
            sentences.Add(r.PeakState == PeakState.Peaked
                ? lang.T($"按峰值判定规则，{place}二氧化碳排放已于{r.Value:F0}年达峰。", $"By the peak rule, {place}'s CO2 emissions peaked in {r.Value:F0}.")
                : lang.T($"按峰值判定规则，截至{year}年{place}二氧化碳排放尚未达峰，近年年均变化{N(r.ActualAnnualRate, lang)}%。", $"By the peak rule, {place}'s CO2 emissions had not peaked by {year}; the recent annual change is {N(r.ActualAnnualRate, lang)}%."));
        }
        else
        {
            sentences.Add(lang.T($"{year}年{place}{name}为{N(r.Value, lang)}{unit}", $"In {year}, {name.ToLowerInvariant()} in {place} was {N(r.Value, lang)}{unit}"));
            if (r.BaselineValue is { } b && r.Value is { } v && kpi.PathShape != PathShape.Geometric && r.BaselineYear is { } y0 && y0 < year)
            {
                sentences[^1] += lang.T($"，比{y0}年（{N(b, lang)}{unit}）{(v >= b ? "增加" : "减少")}{N(Math.Abs(v - b), lang)}{points}", $", {(v >= b ? "up" : "down")} {N(Math.Abs(v - b), lang)}{points} from {N(b, lang)}{unit} in {y0}");
            }
            else if (kpi.PathShape == PathShape.Geometric && r.BaselineYear is { } by)
            {
                sentences[^1] += lang.T($"（与{by}年相比的降低幅度）", $" (the reduction against {by})");
            }

            sentences[^1] += lang.T("。", ".");
            if (r.Target is { } t && r.TargetYear is { } ty)
            {
                var gapToTarget = kpi.Direction == KpiDirection.HigherIsBetter ? t - (r.Value ?? t) : (r.Value ?? t) - t;
                sentences.Add(gapToTarget > 0
                    ? lang.T($"距{ty}年目标（{N(t, lang)}{unit}{r.Modality?.Zh()}）还差{N(gapToTarget, lang)}{points}", $"It is {N(gapToTarget, lang)}{points} short of the {ty} target of {N(t, lang)}{unit}")
                    : lang.T($"已达到{ty}年目标（{N(t, lang)}{unit}{r.Modality?.Zh()}）", $"It has reached the {ty} target of {N(t, lang)}{unit}"));
                if (r.Expected is { } e)
                {
                    sentences[^1] += lang.T($"；按目标路径本年应为{N(e, lang)}{unit}", $"; the target path asks {N(e, lang)}{unit} this year");
                }

                if (r.Progress is { } p)
                {
                    sentences[^1] += lang.T($"，进度{N(p, lang)}%", $", {N(p, lang)}% of the way");
                }

                sentences[^1] += lang.T("。", ".");
            }

            if (r.RequiredAnnualRate is { } req && r.ActualAnnualRate is { } act)
            {
                sentences.Add(lang.T($"剩余年份所需年均{N(req, lang)}，近年实际{N(act, lang)}（{r.RateUnit}）。", $"The remaining years need {N(req, lang)} a year against {N(act, lang)} recently ({r.RateUnit})."));
            }
        }

        if (r.Status is { } s)
        {
            sentences.Add(lang.T($"晴雨表状态：{s.Zh()}", $"Barometer status: {s.En()}") + (r.Grade is { } g ? lang.T($"；考核：{g.Zh()}", $"; assessment grade: {g.En()}") : string.Empty) + lang.T("。", "."));
        }

        return lang.English ? string.Join(' ', sentences) : string.Concat(sentences);
    }

    public static string Summary(AssessmentReport report, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lang);
        var judged = report.Lines.Where(l => l.Kpi.HasDataSource).ToArray();
        int Count(KpiStatus status) => judged.Count(l => l.Result?.Status == status);
        var place = lang.T(RegionCatalog.Get(report.Region).NameZh, RegionCatalog.Get(report.Region).NameEn);
        var text = lang.T(
            $"{report.Year}年度，{place}可计算的{judged.Length}项指标（含目标分项）中：已提前完成{Count(KpiStatus.AchievedEarly)}项，三级 基本顺利{Count(KpiStatus.OnTrack)}项，二级 比较严峻{Count(KpiStatus.AtRisk)}项，一级 十分严峻{Count(KpiStatus.OffTrack)}项，无数据{Count(KpiStatus.NoData) + judged.Count(l => l.Result?.Status is null)}项。",
            $"For {report.Year}, of the {judged.Length} computable KPI targets for {place}: {Count(KpiStatus.AchievedEarly)} achieved early, {Count(KpiStatus.OnTrack)} on track (level 3), {Count(KpiStatus.AtRisk)} at risk (level 2), {Count(KpiStatus.OffTrack)} off track (level 1), {Count(KpiStatus.NoData) + judged.Count(l => l.Result?.Status is null)} without data.");
        if (report.OverallGrade is { } grade)
        {
            text += lang.T(
                $"综合考核等级：{grade.Zh()}" + (report.OverallScore is { } sc ? $"（约束性指标平均得分{N(sc, lang)}）" : string.Empty),
                $" Overall assessment grade: {grade.En()}" + (report.OverallScore is { } sc2 ? $" (mean score of binding KPIs {N(sc2, lang)})" : string.Empty));
            text += report.Vetoes.Count > 0
                ? lang.T($"；因{string.Join("、", report.Vetoes.Select(v => v.Kpi.NameZh + Track(v.Track, lang)))}未达进度要求，按否决规则定为未完成。", $"; vetoed to not completed because {string.Join(", ", report.Vetoes.Select(v => v.Kpi.NameEn.ToLowerInvariant() + Track(v.Track, lang)))} fell behind.")
                : lang.T("。", ".");
        }

        if (report.UsesSynthetic)
        {
            text += lang.T("注意：部分数据为演示用合成数据，并非官方统计。", " Note: part of the data is synthetic, generated for demonstration, and is not official statistics.");
        }

        return text;
    }

    private static string N(double? value, UiLanguage lang) => lang.Num(value, 2);

    private static string Track(string track, UiLanguage lang) => track switch
    {
        "vs2005" => lang.T("（比2005年）", " (vs 2005)"),
        "vs2020" => lang.T("（比2020年）", " (vs 2020)"),
        _ => string.Empty,
    };
}

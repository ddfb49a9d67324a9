using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>
/// The report's sentences, written from the numbers: value, change since the baseline, distance to the
/// target, expected value on the path, status and grade; for provinces outside a target's scope, their
/// share of the national total or the national reference. A sentence is left out when its number is
/// missing, so no sentence stands without a number behind it.
/// </summary>
public static class Narrative
{
    public static string ForKpi(KpiDefinition kpi, KpiResult? r, RegionCode region, int year, UiLanguage lang, ObservationQuality quality = ObservationQuality.Reported)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(lang);
        var place = lang.T(RegionCatalog.Get(region).NameZh, RegionCatalog.Get(region).NameEn);
        var name = lang.T(kpi.NameZh, kpi.NameEn);
        if (!kpi.HasDataSource)
        {
            return lang.T($"{name}：尚无数据来源，本年度不作评价。", $"{name}: no data source yet; not assessed this year.");
        }

        if (r is null || (r.Value is null && r.Peak is null))
        {
            return lang.T($"{year}年{place}{name}无数据，不作评价。", $"{name}: no data for {place} in {year}; not assessed.");
        }

        var unit = kpi.Unit == "%" ? "%" : " " + KpiText.Unit(kpi.Unit, lang);
        var points = kpi.Unit == "%" ? lang.T("个百分点", " percentage points") : unit;
        var sentences = new List<string>();
        if (kpi.Measure == KpiMeasure.Event)
        {
            sentences.Add(KpiText.PeakSentence(r, lang));
        }
        else
        {
            var official = r.OfficialFigure ? lang.T("（官方公布值）", " (as published)") : string.Empty;
            sentences.Add(lang.T($"{year}年{place}{name}为{N(r.Value, lang)}{unit}{official}", $"In {year}, {name.ToLowerInvariant()} in {place} was {N(r.Value, lang)}{unit}{official}"));
            if (r.BaselineValue is { } b && r.Value is { } v && kpi.PathShape != PathShape.Geometric && r.BaselineYear is { } y0 && y0 < year)
            {
                var estimated = r.BaselineEstimated ? lang.T("，估算值", ", estimated") : string.Empty;
                sentences[^1] += lang.T($"，比{y0}年（{N(b, lang)}{unit}{estimated}）{(v >= b ? "增加" : "减少")}{N(Math.Abs(v - b), lang)}{points}", $", {(v >= b ? "up" : "down")} {N(Math.Abs(v - b), lang)}{points} from {N(b, lang)}{unit} in {y0}{estimated}");
            }
            else if (kpi.PathShape == PathShape.Geometric && r.BaselineYear is { } by)
            {
                sentences[^1] += lang.T($"（与{by}年相比的降低幅度）", $" (the reduction against {by})");
            }

            sentences[^1] += lang.T("。", ".");
        }

        if (r.Status == KpiStatus.NotApplicable)
        {
            sentences.Add(region.IsNational
                ? lang.T("该目标适用于各省级电网，全国合计仅作展示、不作评价。", "The target applies to each provincial grid; the national aggregate is shown, not judged.")
                : lang.T("该目标为全国总量目标，不用于评价省份", "This is a national total target; it does not judge a province")
                  + (r.ShareOfNational is { } share ? lang.T($"；本省占全国的{N(share, lang)}%", $"; the province holds {N(share, lang)}% of the national total") : string.Empty)
                  + (r.ContributionToNationalChange is { } c ? lang.T($"，贡献了全国增量的{N(c, lang)}%", $" and contributed {N(c, lang)}% of the national change") : string.Empty)
                  + lang.T("。", "."));
            return Join(sentences, quality, lang);
        }

        if (r.Status == KpiStatus.NoTarget)
        {
            sentences.Add(lang.T("本省尚无经核实的省级目标，不作评价", "The province has no verified target of its own; not judged")
                + (r.ReferenceTarget is { } reference && r.ReferenceTargetYear is { } ry ? lang.T($"；全国目标（{ry}年{N(reference, lang)}{unit}）仅作参考", $"; the national target ({N(reference, lang)}{unit} by {ry}) is a reference only") : string.Empty)
                + lang.T("。", "."));
            return Join(sentences, quality, lang);
        }

        if (kpi.Measure != KpiMeasure.Event && r.Target is { } t && r.TargetYear is { } ty && r.Value is { } value)
        {
            var modality = KpiText.Modality(r.Modality, lang);
            var gapToTarget = kpi.Direction == KpiDirection.HigherIsBetter ? t - value : value - t;
            sentences.Add(r.Status == KpiStatus.WithinTolerance
                ? lang.T($"处于{ty}年目标（{N(t, lang)}{unit}{modality}）的容差范围内，但距名义值还差{N(gapToTarget, lang)}{points}", $"It is within the band of the {ty} target of {modality} {N(t, lang)}{unit}, {N(gapToTarget, lang)}{points} short of its nominal value")
                : gapToTarget > 0
                    ? lang.T($"距{ty}年目标（{N(t, lang)}{unit}{modality}）还差{N(gapToTarget, lang)}{points}", $"It is {N(gapToTarget, lang)}{points} short of the {ty} target of {N(t, lang)}{unit}")
                    : lang.T($"已达到{ty}年目标（{N(t, lang)}{unit}{modality}）", $"It has reached the {ty} target of {N(t, lang)}{unit}"));
            if (r.Expected is { } e && gapToTarget > 0)
            {
                sentences[^1] += lang.T($"；按目标路径本年应为{N(e, lang)}{unit}", $"; the target path asks {N(e, lang)}{unit} this year");
            }

            if (r.Progress is { } p && gapToTarget > 0)
            {
                sentences[^1] += lang.T($"，进度{N(p, lang)}%", $", {N(p, lang)}% of the way");
            }

            sentences[^1] += lang.T("。", ".");
        }

        if (r.RequiredAnnualRate is { } req && r.ActualAnnualRate is { } act)
        {
            sentences.Add(lang.T($"剩余年份所需年均{N(req, lang)}，近年实际{N(act, lang)}（{KpiText.Rate(r.RateKind, lang)}）。", $"The remaining years need {N(req, lang)} a year against {N(act, lang)} recently ({KpiText.Rate(r.RateKind, lang)})."));
        }

        if (r.Status is { } s)
        {
            var how = !r.Graded ? lang.T("（参考轨道，不计入考核）", " (reference track, not graded)")
                : r.Nature is { } nature ? lang.T($"（{nature.Zh()}目标）", $" ({nature.En()} target)") : string.Empty;
            sentences.Add(lang.T($"晴雨表状态：{s.Zh()}", $"Barometer status: {s.En()}") + how + (r.Grade is { } g ? lang.T($"；考核：{g.Zh()}", $"; assessment grade: {g.En()}") : string.Empty) + lang.T("。", "."));
        }

        return Join(sentences, quality, lang);
    }

    public static string Summary(AssessmentReport report, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lang);
        var judged = report.Lines.Where(l => l.Kpi.HasDataSource).ToArray();
        int Count(KpiStatus status) => judged.Count(l => l.Result?.Status == status);
        var place = lang.T(RegionCatalog.Get(report.Region).NameZh, RegionCatalog.Get(report.Region).NameEn);
        var text = lang.T(
            $"{report.Year}年度，{place}可计算的{judged.Length}项指标（含目标分项）中：已提前完成{Count(KpiStatus.AchievedEarly)}项，基本达到（“左右”范围内）{Count(KpiStatus.WithinTolerance)}项，三级 基本顺利{Count(KpiStatus.OnTrack)}项，二级 比较严峻{Count(KpiStatus.AtRisk)}项，一级 十分严峻{Count(KpiStatus.OffTrack)}项，无数据{Count(KpiStatus.NoData)}项，无省级目标{Count(KpiStatus.NoTarget)}项，不适用{Count(KpiStatus.NotApplicable)}项，未评价{judged.Count(l => l.Result?.Status is null)}项。",
            $"For {report.Year}, of the {judged.Length} computable KPI targets for {place}: {Count(KpiStatus.AchievedEarly)} achieved early, {Count(KpiStatus.WithinTolerance)} within the band of an “about” target, {Count(KpiStatus.OnTrack)} on track (level 3), {Count(KpiStatus.AtRisk)} at risk (level 2), {Count(KpiStatus.OffTrack)} off track (level 1), {Count(KpiStatus.NoData)} without data, {Count(KpiStatus.NoTarget)} without a provincial target, {Count(KpiStatus.NotApplicable)} not applicable, {judged.Count(l => l.Result?.Status is null)} not judged.");
        switch (report.OverallGrade)
        {
            case AssessmentGrade.NotAssessable:
                text += lang.T(
                    $"综合考核等级：无法评定（数据不全）：约束性指标{string.Join("、", report.Missing.Select(l => l.Kpi.NameZh + KpiText.Track(l.Track, lang)))}缺少{report.Year}年数据。",
                    $" Overall assessment grade: not assessable (incomplete data): the binding {string.Join(", ", report.Missing.Select(l => l.Kpi.NameEn.ToLowerInvariant() + KpiText.Track(l.Track, lang)))} {(report.Missing.Count == 1 ? "lacks" : "lack")} data for {report.Year}.");
                break;
            case { } grade:
                text += lang.T(
                    $"综合考核等级：{grade.Zh()}" + (report.OverallScore is { } sc ? $"（约束性指标平均得分{N(sc, lang)}）" : string.Empty),
                    $" Overall assessment grade: {grade.En()}" + (report.OverallScore is { } sc2 ? $" (mean score of binding KPIs {N(sc2, lang)})" : string.Empty));
                text += report.Vetoes.Count > 0
                    ? lang.T($"；因{string.Join("、", report.Vetoes.Select(v => v.Kpi.NameZh + KpiText.Track(v.Track, lang)))}未达进度要求，按否决规则定为未完成。", $"; vetoed to not completed because {string.Join(", ", report.Vetoes.Select(v => v.Kpi.NameEn.ToLowerInvariant() + KpiText.Track(v.Track, lang)))} fell behind.")
                    : lang.T("。", ".");
                break;
            default:
                text += lang.T("本地区尚无约束性目标，不作综合考核。", " The region has no binding targets of its own: no overall grade.");
                break;
        }

        if (report.UsesSynthetic)
        {
            text += lang.T("注意：部分数据为演示用合成数据，并非官方统计。", " Note: part of the data is synthetic, generated for demonstration, and is not official statistics.");
        }

        if (report.UsesUnverified)
        {
            text += lang.T("部分数据待核实（标注“待核实”），尚未与官方发布逐一核对。", " Some figures are still to be verified (marked “to be verified”) against the official releases.");
        }

        return text;
    }

    private static string Join(List<string> sentences, ObservationQuality quality, UiLanguage lang)
    {
        if (quality == ObservationQuality.Unverified)
        {
            sentences.Add(lang.T("（部分数据待核实。）", "(Some figures are still to be verified.)"));
        }
        else if (quality == ObservationQuality.Estimate)
        {
            sentences.Add(lang.T("（含估算数据。）", "(Includes estimated figures.)"));
        }

        return lang.English ? string.Join(' ', sentences) : string.Concat(sentences);
    }

    private static string N(double? value, UiLanguage lang) => lang.Num(value, 2);

    /// <summary>
    /// One paragraph on a decomposition: the total change, then the largest push up and the largest pull
    /// down among the Kaya effects (LMDI; see the methodology page).
    /// </summary>
    public static string Drivers(Domain.Decomposition.LmdiDecomposition d, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(lang);
        string Signed(double v) => (v > 0 ? "+" : string.Empty) + lang.Num(v, 1);
        var up = d.Effects.MaxBy(e => e.Value);
        var down = d.Effects.MinBy(e => e.Value);
        var unit = KpiText.Unit(Domain.Decomposition.LmdiDecomposition.Unit, lang);
        var direction = d.Total >= 0 ? lang.T("增加", "rose by") : lang.T("减少", "fell by");
        var text = lang.T($"{d.From}—{d.To}年能源活动二氧化碳排放{direction}{lang.Num(Math.Abs(d.Total), 0)}{unit}。", $"From {d.From} to {d.To} energy CO2 {direction} {lang.Num(Math.Abs(d.Total), 0)} {unit}.");
        var parts = new List<string>();
        if (up.Value > 0)
        {
            parts.Add(lang.T($"推高最多的是{Domain.Decomposition.KayaEffects.Zh(up.Effect)}（{Signed(up.Value)}）", $"the largest push up came from {Domain.Decomposition.KayaEffects.En(up.Effect).ToLowerInvariant()} ({Signed(up.Value)})"));
        }

        if (down.Value < 0)
        {
            parts.Add(lang.T($"拉低最多的是{Domain.Decomposition.KayaEffects.Zh(down.Effect)}（{Signed(down.Value)}）", $"the largest pull down from {Domain.Decomposition.KayaEffects.En(down.Effect).ToLowerInvariant()} ({Signed(down.Value)})"));
        }

        if (parts.Count == 0)
        {
            return text;
        }

        var sentence = string.Join(lang.T("，", "; "), parts);
        return text + (lang.English ? " " + char.ToUpperInvariant(sentence[0]) + sentence[1..] + "." : sentence + "。");
    }
}

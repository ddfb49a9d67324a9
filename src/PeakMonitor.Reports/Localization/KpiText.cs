using System.Globalization;
using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Reports.Localization;

/// <summary>
/// The words for KPI results in the reader's language, in one place for pages, reports and exports:
/// names with their track, statuses, grades, units, rates, whether a target binds, and the CO2 peak's
/// sentence. A result's English <c>Note</c> is for logs and the API; people read these.
/// </summary>
public static class KpiText
{
    public static string Track(string track, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return track == KpiTracks.Main ? string.Empty : lang.T($"（{KpiTracks.Zh(track)}）", $" ({KpiTracks.En(track)})");
    }

    public static string Name(KpiDefinition kpi, string track, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(lang);
        return lang.T(kpi.NameZh, kpi.NameEn) + Track(track, lang);
    }

    public static string Status(KpiStatus? status, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return status is { } s ? lang.T(s.Zh(), s.En()) : lang.T("未评价", "Not judged");
    }

    /// <summary>A result's status words; the nation under a target set for each province is 不适用 for that reason, not a national total.</summary>
    public static string StatusOf(KpiResult? result, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return result is { Status: KpiStatus.NotApplicable } r && r.Region.IsNational
            ? lang.T("不适用 · 各省目标", "Not applicable: a target for each province")
            : Status(result?.Status, lang);
    }

    public static string Grade(AssessmentGrade? grade, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return grade is { } g ? lang.T(g.Zh(), g.En()) : "—";
    }

    public static string Nature(TargetNature? nature, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return nature is { } n ? lang.T(n.Zh(), n.En()) : "—";
    }

    public static string Modality(TargetModality? modality, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return modality is { } m ? lang.T(m.Zh(), m.En()) : string.Empty;
    }

    public static string Unit(string unit, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        // One place for unit names: the KPI units and the raw indicators' canonical units (indicators.md).
        return unit switch
        {
            "year" => lang.T("年", "year"),
            "% YoY" => lang.T("%（同比）", "% YoY"),
            "%/yr" => lang.T("%/年", "% per year"),
            "100m m3" => lang.T("亿立方米", "100m m³"),
            "count" => lang.T("个", "count"),
            "10k tce" => lang.T("万吨标准煤", "10k tce"),
            "10k t" => lang.T("万吨", "10k t"),
            "100m CNY" => lang.T("亿元", "100m CNY"),
            "10k persons" => lang.T("万人", "10k persons"),
            "10k kW" => lang.T("万千瓦", "10k kW"),
            "100m kWh" => lang.T("亿千瓦时", "100m kWh"),
            "100m t" => lang.T("亿吨", "100m t"),
            "100m t/yr" => lang.T("亿吨/年", "100m t per year"),
            _ => unit,
        };
    }

    public static string Rate(RateKind? kind, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return kind switch
        {
            RateKind.IntensityDecline => lang.T("%/年（强度下降）", "% per year (intensity decline)"),
            RateKind.AdditionsPerYear => lang.T("GW/年（新增）", "GW per year (added)"),
            RateKind.Co2Growth => lang.T("%/年（CO2排放增长）", "% per year (CO2 growth)"),
            RateKind.CoalGrowth => lang.T("%/年（煤炭消费增长）", "% per year (coal consumption growth)"),
            RateKind.Growth => lang.T("%/年（增长）", "% per year (growth)"),
            _ => string.Empty,
        };
    }

    /// <summary>Where the value comes from when it is not our recomputation.</summary>
    public static string Origin(KpiResult result, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        return result.OfficialFigure ? lang.T("官方公布值", "as published") : string.Empty;
    }

    /// <summary>
    /// The CO2 peak in one sentence from the outlook's numbers: peaked (when, data to when), or not yet
    /// (recent and earlier growth, the plateau test, the projected peak), and the verdict words.
    /// </summary>
    public static string PeakSentence(KpiResult result, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        if (result.Peak is not { LatestYear: { } latest } p)
        {
            return lang.T("二氧化碳排放数据不足，无法判断是否达峰。", "Too little CO2 data to tell whether emissions have peaked.");
        }

        if (p.State == PeakState.Peaked && p.PeakYear is { } peakYear)
        {
            return lang.T($"按峰值判定规则，二氧化碳排放已于{peakYear}年达峰（数据截至{latest}年）。", $"By the peak rule, CO2 emissions peaked in {peakYear} (data to {latest}).");
        }

        if (p.State == PeakState.Unknown)
        {
            return lang.T($"截至{latest}年数据年份不足，无法应用达峰判定规则。", $"Data to {latest} cover too few years to apply the peak rule.");
        }

        var n = p.RecentYears;
        var zh = $"截至{latest}年尚未达峰";
        var en = $"Not yet peaked as of {latest}";
        if (p.RecentGrowth is { } g)
        {
            zh += $"：近{n}年年均{Signed(g, "增长", "下降", lang)}";
            en += string.Create(CultureInfo.InvariantCulture, $": {Signed(g, "growth", "decline", lang)} a year over the last {n} years");
            if (p.EarlierGrowth is { } ge)
            {
                zh += $"（此前{n}年{Signed(ge, "增长", "下降", lang)}）";
                en += $" ({Signed(ge, "growth", "decline", lang)} in the {n} years before)";
            }
        }

        if (p.Plateau)
        {
            zh += $"；近{p.PlateauWindow}年趋势与零无显著差异（平台期）";
            en += $"; the trend over the last {p.PlateauWindow} years is not distinguishable from zero (a plateau)";
        }
        else if (p.ProjectedPeakYear is { } projected)
        {
            zh += $"；按增速放缓的趋势，预计约{projected}年达峰";
            en += $"; if growth keeps slowing as it has, the peak comes around {projected}";
        }
        else if (p.RecentGrowth is > 0)
        {
            zh += "；增速未见放缓";
            en += "; growth is not slowing";
        }

        return lang.T(zh + "。", en + ".");
    }

    private static string Signed(double percent, string up, string down, UiLanguage lang) =>
        lang.English
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(percent):0.0}% {(percent >= 0 ? up : down)}")
            : string.Create(CultureInfo.InvariantCulture, $"{(percent >= 0 ? up : down)}{Math.Abs(percent):0.0}%");
}

using System.Globalization;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Word;

/// <summary>
/// The annual assessment as an editable Word document: the same sections, numbers and sentences as the
/// HTML/PDF report (<see cref="ReportHtml"/>), headed 一、（一）1. in a 公文-like layout, with a trajectory
/// chart per KPI with data and a ranking chart per headline KPI (national), drawn by ScottPlot from the
/// dashboard's chart models.
/// </summary>
public static class ReportDocx
{
    public const int ChartWidth = 1200;
    public const int ChartHeight = 560;
    public const int RankingHeight = 900;

    private static readonly string[] ChineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十", "三十一", "三十二", "三十三", "三十四", "三十五"];

    public static byte[] Write(AssessmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lang = new UiLanguage { English = report.English };
        var region = RegionCatalog.Get(report.Region);
        var place = lang.T(region.NameZh, region.NameEn);
        var doc = new DocxBuilder(report.English);
        doc.Title(lang.T($"{place}{report.Year}年碳达峰目标任务年度评估报告", $"{place}: annual assessment of carbon-peaking targets and tasks, {report.Year}"));
        doc.Body(lang.T("依据《2030年前碳达峰行动方案》（国发〔2021〕23号）六、组织实施：碳达峰目标任务年度评估。", "Under the Action Plan for Carbon Dioxide Peaking Before 2030 (State Council 2021 No. 23), section 6: annual assessment of peaking targets and tasks."));
        doc.Body(lang.T("生成时间：", "Generated: ") + lang.Time(report.GeneratedAt) + lang.T("　碳达峰监测平台", " · PeakMonitor"), small: true);
        if (report.UsesSynthetic)
        {
            doc.Body(lang.T("注意：本报告部分数据为演示用合成数据（标注“合成”），并非官方统计。", "Note: part of this report rests on synthetic demonstration data (marked “synthetic”), not official statistics."));
        }

        doc.Contents(lang.T("目　录", "Contents"), lang.T("（打开文档时由 Word 更新目录；如未显示，请右键此处选择“更新域”。）", "(Word fills in the contents when the document opens; if not, right-click here and choose Update Field.)"));

        var chapter = 0;
        string Chapter(string zh, string en) => lang.T($"{ChineseNumbers[chapter++]}、{zh}", $"{chapter}. {en}");

        // 一、总体评价
        doc.Heading(1, Chapter("总体评价", "Overall assessment"));
        doc.Body(report.Summary);
        doc.Table(
            [lang.T("指标", "KPI"), lang.T("单位", "Unit"), lang.T("数值", "Value"), lang.T("基年值", "Baseline"), lang.T("目标", "Target"), lang.T("路径值", "Expected"), lang.T("进度（%）", "Progress (%)"), lang.T("状态", "Status"), lang.T("考核", "Grade"), OutlookText.ColumnHeader(lang)],
            report.Lines.Where(l => l.Kpi.HasDataSource).Select(l => (IReadOnlyList<string>)
            [
                KpiText.Name(l.Kpi, l.Track, lang) + Marks(l, lang),
                KpiText.Unit(l.Kpi.Unit, lang),
                lang.Num(l.Result?.Value, 2),
                lang.Num(l.Result?.BaselineValue, 2) + (l.Result?.BaselineYear is { } by ? $"（{by}）" : string.Empty),
                lang.Num(l.Result?.Target, 2) + (l.Result?.TargetYear is { } ty ? $"（{ty}）" : string.Empty),
                lang.Num(l.Result?.Expected, 2),
                lang.Num(l.Result?.Progress, 1),
                KpiText.StatusOf(l.Result, lang),
                KpiText.Grade(l.Result?.Grade, lang),
                OutlookText.Cell(l.Outlook, lang),
            ]),
            numericColumns: [2, 3, 4, 5, 6, 9],
            noWrapColumns: [7, 8, 9]);

        // 二、分项指标: （一） per KPI with data, 1. its assessment, 2. its trajectory.
        doc.Heading(1, Chapter("分项指标", "Indicators"));
        var section = 0;
        foreach (var l in report.Lines.Where(l => l.Kpi.HasDataSource))
        {
            doc.Heading(2, lang.T($"（{ChineseNumbers[section]}）{KpiText.Name(l.Kpi, l.Track, lang)}", $"{chapter}.{section + 1} {KpiText.Name(l.Kpi, l.Track, lang)}"));
            section++;
            doc.Heading(3, lang.T("1. 评价", "(1) Assessment"));
            doc.Body(l.Narrative + " " + lang.T("状态：", "Status: ") + KpiText.StatusOf(l.Result, lang) + lang.T("；考核：", "; grade: ") + KpiText.Grade(l.Result?.Grade, lang) + lang.T("。", "."));
            if (l.Outlook is { } outlook)
            {
                doc.Body(OutlookText.Sentence(outlook, lang));
            }

            if (l.Kpi.Id == "co2_peak" && report.Peak is { } peak)
            {
                doc.Body(OutlookText.Peak(peak, lang));
            }

            if (l.Series.Any(r => r.Value is not null) || l.InputSeries.Count > 0)
            {
                doc.Heading(3, lang.T("2. 轨迹", "(2) Trajectory"));
                var title = l.InputSeries.Count > 0 ? KpiText.Name(l.Kpi, l.Track, lang) : $"{KpiText.Name(l.Kpi, l.Track, lang)}（{KpiText.Unit(l.Kpi.Unit, lang)}）";
                var model = l.InputSeries.Count > 0 ? ChartModels.Peak(l.Kpi, l.InputSeries, l.Result, lang, title) : ChartModels.Trajectory(l.Kpi, l.Series, lang, title, l.Outlook);
                var fan = model.Bands.Count > 0 ? lang.T($"；阴影为{l.Outlook!.AsOfYear}年起模拟值的10%–90%与25%–75%区间", $"; shading: the 10–90% and 25–75% ranges of the values simulated from {l.Outlook!.AsOfYear}") : string.Empty;
                doc.Image(ChartImages.Render(model, ChartImageFormat.Png, ChartWidth, ChartHeight), ChartWidth, ChartHeight, 15.5,
                    l.InputSeries.Count > 0
                        ? lang.T($"图：{title}　{model.Series[0].Name}（{model.ValueAxisName}）", $"Figure: {title}. {model.Series[0].Name} ({model.ValueAxisName})")
                        : lang.T($"图：{title}　实线为实际值，点线为目标路径，虚线为预测{fan}", $"Figure: {title}. Solid: actual; dotted: target path; dashed: projection{fan}"));
            }

            if (l.Sources.Length > 0)
            {
                doc.Body(lang.T("来源：", "Source: ") + l.Sources, small: true);
            }
        }

        var pending = report.Lines.Where(l => !l.Kpi.HasDataSource).Select(l => KpiText.Name(l.Kpi, l.Track, lang)).Distinct().ToArray();
        if (pending.Length > 0)
        {
            doc.Heading(2, lang.T($"（{ChineseNumbers[section]}）尚无数据来源的指标", $"{chapter}.{section + 1} KPIs without a data source yet"));
            doc.Body(string.Join(lang.T("；", "; "), pending) + lang.T("。", "."));
        }

        // 三、各省排名 (national)
        if (report.Region.IsNational && report.Rankings.Count > 0)
        {
            doc.Heading(1, Chapter("各省排名", "Provincial ranking"));
            section = 0;
            foreach (var (line, rows) in report.Rankings)
            {
                var name = KpiText.Name(line.Kpi, line.Track, lang);
                doc.Heading(2, lang.T($"（{ChineseNumbers[section]}）{name}", $"{chapter}.{section + 1} {name}"));
                section++;
                var counts = rows.GroupBy(r => r.Result?.Status).OrderBy(g => g.Key).Select(g => $"{KpiText.Status(g.Key, lang)} {g.Count()}");
                doc.Heading(3, lang.T("1. 状态分布", "(1) Provinces by status"));
                doc.Body(string.Join(lang.T("；", "; "), counts) + lang.T("。", "."));
                var model = ChartModels.Ranking(line.Kpi, rows.Select(r => (r.Region, r.Result)).ToArray(), lang, lang.T($"{name}：{report.Year}年各省", $"{name}: provinces, {report.Year}"));
                if (model.Categories.Count > 0)
                {
                    doc.Heading(3, lang.T("2. 排名", "(2) Ranking"));
                    doc.Image(ChartImages.Render(model, ChartImageFormat.Png, ChartWidth, RankingHeight), ChartWidth, RankingHeight, 15.5,
                        lang.T($"图：{name}各省排名（颜色与图例文字表示晴雨表状态）", $"Figure: {name} by province (colours and legend words give the status)"));
                }

                var rank = 0;
                doc.Table(
                    ["#", lang.T("地区", "Region"), $"{lang.T("数值", "Value")}（{KpiText.Unit(line.Kpi.Unit, lang)}）", lang.T("状态", "Status")],
                    rows.Select(r => (IReadOnlyList<string>)[(++rank).ToString(CultureInfo.InvariantCulture), lang.T(RegionCatalog.Get(r.Region).ShortNameZh, RegionCatalog.Get(r.Region).NameEn), lang.Num(r.Result?.Value, 2), KpiText.Status(r.Result?.Status, lang)]),
                    numericColumns: [0, 2],
                    noWrapColumns: [3]);
            }
        }

        // 分部门
        doc.Heading(1, Chapter("分部门", "Sectors"));
        if (report.Sectors.Count == 0)
        {
            doc.Body(lang.T("没有分部门数据。", "No sector data."));
        }
        else
        {
            doc.Body(lang.T($"{report.SectorYear}年分部门能源消费与二氧化碳排放如下表。", $"Energy use and CO2 by sector, {report.SectorYear}:"));
            doc.Table(
                [lang.T("部门", "Sector"), lang.T("能源消费（万吨标准煤）", "Energy (10k tce)"), lang.T("二氧化碳（万吨）", "CO2 (10k t)")],
                report.Sectors.Select(s =>
                {
                    var sector = SectorCatalog.All.First(x => x.Id == s.Sector);
                    return (IReadOnlyList<string>)[lang.T(sector.NameZh, sector.NameEn) + (s.Synthetic ? lang.T("（合成）", " (synthetic)") : string.Empty), lang.Num(s.Energy, 1), lang.Num(s.Co2, 1)];
                }),
                numericColumns: [1, 2]);
        }

        // 数据与来源
        doc.Heading(1, Chapter("数据与来源", "Data and sources"));
        doc.Table(
            [lang.T("原始指标（单位）", "Raw indicator (unit)"), lang.T("最新期", "Latest"), lang.T("数值个数", "Values"), lang.T("来源", "Sources")],
            report.Data.Select(d =>
            {
                var indicator = IndicatorCatalog.Get(d.Indicator);
                return (IReadOnlyList<string>)[$"{lang.T(indicator.NameZh, indicator.NameEn)}（{KpiText.Unit(indicator.CanonicalUnit, lang)}）" + (d.Synthetic ? lang.T("（含合成）", " (incl. synthetic)") : string.Empty),
                    d.Latest?.ToString() ?? lang.T("缺失", "missing"), d.Values.ToString(CultureInfo.InvariantCulture), string.Join("; ", d.Sources.Take(6))];
            }),
            numericColumns: [2]);
        doc.Body(lang.T(
            "评价规则：晴雨表三级（基本顺利／比较严峻／十分严峻）、已提前完成、基本达到（“左右”范围内）、无数据；省份不受全国总量目标评价（不适用），无本省目标的强度、比重类指标不作评价（无省级目标）。考核四等（超额完成／完成／基本完成／未完成），仅约束性指标十分严峻即否决；约束性指标缺少数据时无法评定。阈值见平台“方法说明”。",
            "Rules: barometer levels (on track / at risk / off track), achieved early, within the band of an “about” target, no data; national totals do not judge provinces (not applicable), and a province without its own target on a rate is not judged (no provincial target). Assessment grades (exceeded / completed / basically completed / not completed); only a binding KPI off track vetoes the grade, and a binding KPI without data makes the grade not assessable. Thresholds: see the Methodology page."), small: true);
        if (report.OutlookOptions is { } outlookOptions)
        {
            doc.Body(OutlookText.Method(outlookOptions, report.Year, lang), small: true);
        }

        return doc.ToBytes(string.Empty);
    }

    /// <summary>合成, 待核实 and 估算 beside a KPI's name: what its numbers rest on.</summary>
    private static string Marks(KpiLine l, UiLanguage lang) =>
        (l.Synthetic ? lang.T("（合成）", " (synthetic)") : string.Empty)
        + (l.Quality == Domain.Series.ObservationQuality.Unverified ? lang.T("（待核实）", " (to be verified)") : string.Empty)
        + (l.Quality == Domain.Series.ObservationQuality.Estimate ? lang.T("（估算）", " (estimate)") : string.Empty);
}

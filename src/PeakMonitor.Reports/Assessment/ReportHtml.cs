using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>
/// The report as one self-contained HTML page (the "HTML view", and what Chromium prints): title page,
/// contents, summary, KPIs with charts, provincial ranking (national), sectors, data and sources.
/// Charts are drawn by ECharts inlined into the page (SVG, so they print as vectors); the page sets
/// <c>window.chartsDone</c> when they are drawn.
/// </summary>
public static class ReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(AssessmentReport report, string? echartsScript)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lang = new UiLanguage { English = report.English };
        var region = RegionCatalog.Get(report.Region);
        var place = lang.T(region.NameZh, region.NameEn);
        var title = lang.T($"{place}{report.Year}年碳达峰目标任务年度评估报告", $"{place}: annual assessment of carbon-peaking targets and tasks, {report.Year}");
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(lang.HtmlLang).Append("\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>").Append(Css).Append("</style></head><body>");

        // Title page.
        sb.Append("<section class=\"title-page\"><p class=\"kicker\">").Append(E(lang.T("碳达峰监测平台 PeakMonitor", "PeakMonitor carbon-peak monitoring"))).Append("</p><h1>").Append(E(title)).Append("</h1>")
          .Append("<p>").Append(E(lang.T("依据《2030年前碳达峰行动方案》（国发〔2021〕23号）六、组织实施：碳达峰目标任务年度评估。", "Under the Action Plan for Carbon Dioxide Peaking Before 2030 (State Council 2021 No. 23), section 6: annual assessment of peaking targets and tasks."))).Append("</p>")
          .Append("<p class=\"meta\">").Append(E(lang.T("生成时间", "Generated"))).Append(": ").Append(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC</p>");
        if (report.UsesSynthetic)
        {
            sb.Append("<p class=\"synthetic\">").Append(E(lang.T("注意：本报告部分数据为演示用合成数据（标注“合成”），并非官方统计。", "Note: part of this report rests on synthetic demonstration data (marked “synthetic”), not official statistics."))).Append("</p>");
        }

        sb.Append("</section>");

        // Contents.
        string[] sections = report.Region.IsNational
            ? [lang.T("一、总体评价", "1. Overall assessment"), lang.T("二、分项指标", "2. Indicators"), lang.T("三、各省排名", "3. Provincial ranking"), lang.T("四、分部门", "4. Sectors"), lang.T("五、变化成因", "5. What drove the change"), lang.T("六、数据与来源", "6. Data and sources")]
            : [lang.T("一、总体评价", "1. Overall assessment"), lang.T("二、分项指标", "2. Indicators"), lang.T("三、分部门", "3. Sectors"), lang.T("四、变化成因", "4. What drove the change"), lang.T("五、数据与来源", "5. Data and sources")];
        sb.Append("<section class=\"toc\"><h2>").Append(E(lang.T("目录", "Contents"))).Append("</h2><ol>");
        for (var i = 0; i < sections.Length; i++)
        {
            // The page number is filled in by the PDF renderer (HtmlPdfRenderer measures where each chapter starts); empty in HTML.
            sb.Append("<li><a href=\"#s").Append(i + 1).Append("\"><span class=\"toc-title\">").Append(E(sections[i]))
              .Append("</span><span class=\"toc-page\" data-toc-page=\"s").Append(i + 1).Append("\"></span></a></li>");
        }

        sb.Append("</ol></section>");

        // 1. Overall.
        var n = 0;
        sb.Append("<section class=\"chapter\" id=\"s").Append(++n).Append("\"><h2>").Append(E(sections[n - 1])).Append("</h2><p class=\"summary\">").Append(E(report.Summary)).Append("</p>");
        sb.Append("<table class=\"overview\"><thead><tr>");
        foreach (var h in new[] { lang.T("指标", "KPI"), lang.T("数值", "Value"), lang.T("基年值", "Baseline"), lang.T("目标", "Target"), lang.T("路径值", "Expected"), lang.T("进度%", "Progress %"), lang.T("状态", "Status"), lang.T("考核", "Grade"), OutlookText.ColumnHeader(lang) })
        {
            sb.Append("<th>").Append(E(h)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var l in report.Lines.Where(l => l.Kpi.HasDataSource))
        {
            var r = l.Result;
            sb.Append("<tr><td>").Append(E(Name(l, lang))).Append(Badges(l, lang)).Append("</td>")
              .Append("<td class=\"num\">").Append(E(lang.Num(r?.Value, 2))).Append(' ').Append(E(l.Kpi.Unit)).Append("</td>")
              .Append("<td class=\"num\">").Append(E(lang.Num(r?.BaselineValue, 2))).Append(r?.BaselineYear is { } by ? $" ({by})" : string.Empty).Append("</td>")
              .Append("<td class=\"num\">").Append(E(lang.Num(r?.Target, 2))).Append(r?.TargetYear is { } ty ? $" ({ty})" : string.Empty).Append("</td>")
              .Append("<td class=\"num\">").Append(E(lang.Num(r?.Expected, 2))).Append("</td>")
              .Append("<td class=\"num\">").Append(E(lang.Num(r?.Progress, 1))).Append("</td>")
              .Append("<td>").Append(StatusPhrases(KpiText.StatusOf(r, lang))).Append("</td>")
              .Append("<td class=\"status\">").Append(E(KpiText.Grade(r?.Grade, lang))).Append("</td>")
              .Append("<td class=\"num\" data-field=\"probability\"").Append(l.Probability is { } p ? " data-probability=\"" + p.ToString("0.####", CultureInfo.InvariantCulture) + "\"" : string.Empty).Append('>')
              .Append(E(OutlookText.Cell(l.Outlook, lang))).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");

        // 2. Indicators, with a chart each.
        sb.Append("<section class=\"chapter\" id=\"s").Append(++n).Append("\"><h2>").Append(E(sections[n - 1])).Append("</h2>");
        var chart = 0;
        foreach (var l in report.Lines)
        {
            sb.Append("<div class=\"kpi\"><h3>").Append(E(Name(l, lang))).Append("</h3><p>").Append(E(l.Narrative)).Append("</p>");
            if (l.Outlook is { } outlook)
            {
                sb.Append("<p class=\"outlook\">").Append(E(OutlookText.Sentence(outlook, lang))).Append("</p>");
            }

            if (l.Kpi.Id == "co2_peak" && report.Peak is { } peak)
            {
                sb.Append("<p class=\"peak-test\">").Append(E(OutlookText.Peak(peak, lang))).Append("</p>");
            }

            if (l.Kpi.HasDataSource && l.Series.Any(r => r.Value is not null) && echartsScript is not null)
            {
                sb.Append("<div class=\"chart\" data-chart=\"c").Append(++chart).Append("\"></div><script type=\"application/json\" id=\"c").Append(chart).Append("-option\">")
                  .Append(ChartOptions.Trajectory(l.Kpi, l.Series, lang, report.Events, l.Outlook)).Append("</script>");
            }
            else if (l.Kpi.HasDataSource && l.Series.Any(r => r.Value is not null) && ChartImages.FontAvailable)
            {
                // Without ECharts (no npm packages where the report is made) the same chart model is drawn by ScottPlot, inline.
                var png = ChartImages.Render(ChartModels.Trajectory(l.Kpi, l.Series, lang, outlook: l.Outlook), ChartImageFormat.Png, 1280, 520);
                sb.Append("<img class=\"chart\" alt=\"").Append(E(Name(l, lang))).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");
            }

            if (l.Sources.Length > 0)
            {
                sb.Append("<p class=\"source\">").Append(E(lang.T("来源：", "Source: ") + l.Sources)).Append("</p>");
            }

            sb.Append("</div>");
        }

        sb.Append("</section>");

        // 3. Ranking (national).
        if (report.Region.IsNational)
        {
            sb.Append("<section class=\"chapter\" id=\"s").Append(++n).Append("\"><h2>").Append(E(sections[n - 1])).Append("</h2>");
            foreach (var (line, rows) in report.Rankings)
            {
                var counts = rows.GroupBy(r => r.Result?.Status).OrderBy(g => g.Key).Select(g => $"{Status(g.Key, lang)} {g.Count()}");
                sb.Append("<h3>").Append(E(Name(line, lang))).Append(" (").Append(E(line.Kpi.Unit)).Append(")</h3><p class=\"counts\">").Append(E(string.Join(lang.T("；", "; "), counts))).Append("</p><table class=\"ranking\"><tbody>");
                var rank = 0;
                foreach (var row in rows)
                {
                    var p = RegionCatalog.Get(row.Region);
                    sb.Append("<tr><td class=\"num\">").Append(++rank).Append("</td><td>").Append(E(lang.T(p.ShortNameZh, p.NameEn))).Append("</td><td class=\"num\">").Append(E(lang.Num(row.Result?.Value, 2)))
                      .Append("</td><td class=\"status\">").Append(E(Status(row.Result?.Status, lang))).Append("</td></tr>");
                }

                sb.Append("</tbody></table>");
            }

            sb.Append("</section>");
        }

        // Sectors.
        sb.Append("<section class=\"chapter\" id=\"s").Append(++n).Append("\"><h2>").Append(E(sections[n - 1])).Append("</h2>");
        if (report.Sectors.Count == 0)
        {
            sb.Append("<p>").Append(E(lang.T("没有分部门数据。", "No sector data."))).Append("</p>");
        }
        else
        {
            sb.Append("<p>").Append(E(lang.T($"{report.SectorYear}年分部门能源消费与二氧化碳排放：", $"Energy use and CO2 by sector, {report.SectorYear}:"))).Append("</p><table><thead><tr><th>")
              .Append(E(lang.T("部门", "Sector"))).Append("</th><th>").Append(E(lang.T("能源消费（万吨标准煤）", "Energy (10k tce)"))).Append("</th><th>").Append(E(lang.T("二氧化碳（万吨）", "CO2 (10k t)"))).Append("</th></tr></thead><tbody>");
            foreach (var s in report.Sectors)
            {
                var sector = SectorCatalog.All.First(x => x.Id == s.Sector);
                sb.Append("<tr><td>").Append(E(lang.T(sector.NameZh, sector.NameEn))).Append(s.Synthetic ? "<span class=\"badge\">" + E(lang.T("合成", "synthetic")) + "</span>" : string.Empty)
                  .Append("</td><td class=\"num\">").Append(E(lang.Num(s.Energy, 1))).Append("</td><td class=\"num\">").Append(E(lang.Num(s.Co2, 1))).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section>");

        // What drove the change (issue 18): the LMDI decomposition of energy CO2.
        sb.Append("<section class=\"chapter\" id=\"s").Append(++n).Append("\"><h2>").Append(E(sections[n - 1])).Append("</h2>");
        DriversHtml(sb, report.Drivers, lang);
        EventsHtml(sb, report.Events, lang);
        sb.Append("</section>");

        // Data and sources.
        sb.Append("<section class=\"chapter\" id=\"s").Append(++n).Append("\"><h2>").Append(E(sections[n - 1])).Append("</h2><table><thead><tr><th>")
          .Append(E(lang.T("原始指标", "Raw indicator"))).Append("</th><th>").Append(E(lang.T("最新期", "Latest"))).Append("</th><th>").Append(E(lang.T("数值个数", "Values"))).Append("</th><th>")
          .Append(E(lang.T("来源", "Sources"))).Append("</th></tr></thead><tbody>");
        foreach (var d in report.Data)
        {
            var indicator = IndicatorCatalog.Get(d.Indicator);
            sb.Append("<tr><td>").Append(E($"{lang.T(indicator.NameZh, indicator.NameEn)} ({indicator.CanonicalUnit})")).Append(d.Synthetic ? "<span class=\"badge\">" + E(lang.T("含合成", "incl. synthetic")) + "</span>" : string.Empty)
              .Append("</td><td>").Append(E(d.Latest?.ToString() ?? lang.T("缺失", "missing"))).Append("</td><td class=\"num\">").Append(d.Values).Append("</td><td class=\"source\">").Append(E(string.Join("; ", d.Sources.Take(6)))).Append("</td></tr>");
        }

        sb.Append("</tbody></table><p class=\"source\">").Append(E(lang.T(
            "评价规则：晴雨表三级（基本顺利／比较严峻／十分严峻）、已提前完成、基本达到（“左右”范围内）、无数据；省份不受全国总量目标评价（不适用），无本省目标的强度、比重类指标不作评价（无省级目标）。考核四等（超额完成／完成／基本完成／未完成），仅约束性指标十分严峻即否决；约束性指标缺少数据时无法评定。阈值见平台“方法说明”。",
            "Rules: barometer levels (on track / at risk / off track), achieved early, within the band of an “about” target, no data; national totals do not judge provinces (not applicable), and a province without its own target on a rate is not judged (no provincial target). Assessment grades (exceeded / completed / basically completed / not completed); only a binding KPI off track vetoes the grade, and a binding KPI without data makes the grade not assessable. Thresholds: see the Methodology page."))).Append("</p>");
        if (report.OutlookOptions is { } outlookOptions)
        {
            sb.Append("<p class=\"source\" id=\"outlook-method\">").Append(E(OutlookText.Method(outlookOptions, report.Year, lang))).Append("</p>");
        }

        sb.Append("</section>");

        if (echartsScript is not null)
        {
            sb.Append("<script>").Append(echartsScript).Append("</script><script>").Append(DrawScript).Append("</script>");
        }
        else
        {
            sb.Append("<script>window.chartsDone = true;</script>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string Name(KpiLine l, UiLanguage lang) => KpiText.Name(l.Kpi, l.Track, lang);

    private static string Status(KpiStatus? status, UiLanguage lang) => KpiText.Status(status, lang);

    /// <summary>合成, 待核实 and 估算 marks beside a KPI's name: what its numbers rest on.</summary>
    private static string Badges(KpiLine l, UiLanguage lang) =>
        (l.Synthetic ? "<span class=\"badge\">" + E(lang.T("合成", "synthetic")) + "</span>" : string.Empty)
        + (l.Quality == Domain.Series.ObservationQuality.Unverified ? "<span class=\"badge\">" + E(lang.T("待核实", "to be verified")) + "</span>" : string.Empty)
        + (l.Quality == Domain.Series.ObservationQuality.Estimate ? "<span class=\"badge\">" + E(lang.T("估算", "estimate")) + "</span>" : string.Empty);

    private static string E(string text) => Encoder.Encode(text);

    /// <summary>
    /// A status that may break after its colon ("Not applicable: | national total target"), each part
    /// kept whole: the nine-column overview must fit the page's width (see the CSS of <c>table.overview</c>).
    /// </summary>
    private static string StatusPhrases(string status)
    {
        var colon = status.IndexOfAny(['：', ':']);
        if (colon < 0 || colon == status.Length - 1)
        {
            return "<span class=\"nw\">" + E(status) + "</span>";
        }

        return "<span class=\"nw\">" + E(status[..(colon + 1)]) + "</span> <span class=\"nw\">" + E(status[(colon + 1)..].TrimStart()) + "</span>";
    }

    private const string DrawScript = """
        document.querySelectorAll('[data-chart]').forEach(function (el) {
          var option = JSON.parse(document.getElementById(el.getAttribute('data-chart') + '-option').textContent);
          echarts.init(el, null, { renderer: 'svg', width: 640, height: 260 }).setOption(option);
        });
        window.chartsDone = true;
        """;

    private const string Css = """
        @page { size: A4; margin: 18mm 16mm 20mm 16mm; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: #1f2933; font-size: 10.5pt; }
        .title-page { page-break-after: always; padding-top: 60mm; }
        .title-page h1 { font-size: 22pt; color: #0b6e4f; }
        .kicker { color: #52606d; letter-spacing: 0.05em; }
        .meta { color: #52606d; }
        .synthetic { border: 1px solid #8a5a00; background: #fff4d6; padding: 4mm; }
        .toc { page-break-after: always; }
        .toc a { color: #1f2933; text-decoration: none; display: flex; align-items: baseline; gap: 2mm; }
        .toc ol { list-style: none; padding: 0; font-size: 12pt; line-height: 2; }
        .toc .toc-title { flex: none; }
        .toc .toc-page { flex: 1; text-align: right; font-variant-numeric: tabular-nums; border-bottom: 1px dotted #9aa5b1; }
        .toc .toc-page:empty { display: none; }
        .chapter { page-break-before: always; }
        .chapter h2 { color: #0b6e4f; border-bottom: 1px solid #0b6e4f; }
        .kpi { page-break-inside: avoid; margin-bottom: 6mm; }
        .chart { width: 640px; height: 260px; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        th, td { border-bottom: 1px solid #d0d5da; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.status, .badge, .counts span, .nw { white-space: nowrap; }
        table.ranking { width: 60%; }
        /* Nine columns: a table wider than the page would make Chromium shrink every page to fit it, and the
           contents' page numbers, measured chapter by chapter, would no longer match (HtmlPdfRenderer). */
        table.overview { font-size: 8pt; }
        table.overview th, table.overview td { padding: 1.2mm 0.8mm; }
        .badge { margin-left: 1mm; font-size: 7.5pt; color: #8a5a00; border: 1px solid #8a5a00; padding: 0 1mm; }
        .source, .counts { color: #52606d; font-size: 8.5pt; }
        .summary { font-size: 11pt; }
        """;

    private static void DriversHtml(StringBuilder sb, DriversSection? drivers, UiLanguage lang)
    {
        if (drivers?.Decomposition is not { } d)
        {
            sb.Append("<p>").Append(E(drivers?.Problem is { } problem
                ? lang.T("无法分解：", "No decomposition: ") + problem
                : lang.T("没有可分解的年份。", "No years to decompose."))).Append("</p>");
            return;
        }

        sb.Append("<p class=\"drivers\">").Append(E(Narrative.Drivers(d, lang)))
          .Append(drivers.Synthetic ? "<span class=\"badge\">" + E(lang.T("合成", "synthetic")) + "</span>" : string.Empty)
          .Append(drivers.Quality == ObservationQuality.Unverified ? "<span class=\"badge\">" + E(lang.T("待核实", "to be verified")) + "</span>" : string.Empty)
          .Append("</p><table><thead><tr><th>").Append(E(lang.T("因素", "Effect"))).Append("</th><th>")
          .Append(E(lang.T("变化（万吨二氧化碳）", "Change (10k t CO2)"))).Append("</th><th>").Append(E(lang.T("占总变化%", "Share of total %"))).Append("</th></tr></thead><tbody>");
        foreach (var (effect, value) in d.Effects)
        {
            sb.Append("<tr data-effect=\"").Append(effect.Id()).Append("\"><td>").Append(E(lang.T(effect.Zh(), effect.En()))).Append("</td><td class=\"num\">").Append(E(lang.Num(value, 1)))
              .Append("</td><td class=\"num\">").Append(E(d.Total == 0 ? "—" : lang.Num(value / d.Total * 100, 1))).Append("</td></tr>");
        }

        sb.Append("<tr><th>").Append(E(lang.T("合计", "Total"))).Append("</th><td class=\"num\">").Append(E(lang.Num(d.Total, 1))).Append("</td><td class=\"num\">").Append(E(d.Total == 0 ? "—" : lang.Num(100, 1))).Append("</td></tr></tbody></table>")
          .Append("<p class=\"source\">").Append(E(lang.T("方法：卡亚恒等式 C = P × (G/P) × (E/G) × (C/E) 的加和LMDI分解，ΔC_x = L(C_T, C_0) · ln(x_T/x_0)（Ang 2005, Energy Policy 33, 867–871）。", "Method: additive LMDI decomposition of the Kaya identity C = P × (G/P) × (E/G) × (C/E), ΔC_x = L(C_T, C_0) · ln(x_T/x_0) (Ang 2005, Energy Policy 33, 867–871)."))).Append("</p>");
    }

    /// <summary>The policy events behind the charts' markers, with their documents and where they were read.</summary>
    private static void EventsHtml(StringBuilder sb, IReadOnlyList<Domain.Events.PolicyEvent> events, UiLanguage lang)
    {
        if (events.Count == 0)
        {
            return;
        }

        sb.Append("<h3>").Append(E(lang.T("政策节点（图中竖线）", "Policy events (the charts' vertical lines)"))).Append("</h3><ul class=\"events\">");
        foreach (var e in events)
        {
            sb.Append("<li data-event=\"").Append(E(e.DateText)).Append("\">").Append(E(e.DateText)).Append(' ').Append(E(lang.T(e.TitleZh, e.TitleEn)))
              .Append(e.Document is { } doc ? " (" + E(doc) + ")" : string.Empty).Append(" <span class=\"source\">").Append(E(e.Source.AbsoluteUri)).Append("</span></li>");
        }

        sb.Append("</ul>");
    }
}

using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Excel;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>
/// The report's Excel annex, for people: one sheet per section with KPI names (the id in the last
/// column, for scripts), units in the reader's language, numbers as numbers shown with a format that
/// suits their unit, and a sheet of the charts (the same ScottPlot images as the Word report).
/// </summary>
public static class ReportWorkbook
{
    public const int ChartWidth = 1200;
    public const int ChartHeight = 560;

    /// <summary>How many decimals a value in this unit is shown with: years none, capacities one, shares and rates two.</summary>
    public static string FormatOf(string unit) => unit switch
    {
        "year" or "count" => "0",
        "GW" or "10k kW" or "10k tce" or "10k t" or "100m CNY" or "10k persons" or "100m kWh" => "#,##0.0",
        _ => "#,##0.00",
    };

    public static byte[] Write(AssessmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lang = new UiLanguage { English = report.English };
        var book = new XlsxWorkbook();
        var summary = new List<object?[]>
        {
            new object?[] { lang.T("指标", "KPI"), lang.T("单位", "Unit"), lang.T("数值", "Value"), lang.T("基年", "Baseline year"), lang.T("基年值", "Baseline value"),
                lang.T("目标年", "Target year"), lang.T("目标", "Target"), lang.T("路径值", "Expected"), lang.T("进度（%）", "Progress (%)"), lang.T("所需年均", "Required rate"), lang.T("实际年均", "Actual rate"),
                lang.T("预测", "Projected"), lang.T("状态", "Status"), lang.T("考核", "Grade"), lang.T("得分", "Score"), OutlookText.ColumnHeader(lang), lang.T("达标期限", "Deadline"), lang.T("合成数据", "Synthetic"), lang.T("来源", "Sources"), lang.T("指标代码", "KPI id") },
        };
        foreach (var l in report.Lines)
        {
            var r = l.Result;
            var f = FormatOf(l.Kpi.Unit);
            summary.Add([KpiText.Name(l.Kpi, l.Track, lang), KpiText.Unit(l.Kpi.Unit, lang), new XlsxNumber(r?.Value, f), new XlsxNumber(r?.BaselineYear, "0"), new XlsxNumber(r?.BaselineValue, f),
                new XlsxNumber(r?.TargetYear, "0"), new XlsxNumber(r?.Target, f), new XlsxNumber(r?.Expected, f), new XlsxNumber(r?.Progress, "0.0"), new XlsxNumber(r?.RequiredAnnualRate, "0.00"), new XlsxNumber(r?.ActualAnnualRate, "0.00"),
                new XlsxNumber(r?.Projected, f), r?.Status is null ? null : KpiText.StatusOf(r, lang), r?.Grade is { } g ? lang.T(g.Zh(), g.En()) : null, new XlsxNumber(r?.Score, "0.0"),
                // The probability as a number shown in percent (a script reads 0.62); "—" where there is no outlook, as in the other outputs.
                l.Outlook is { } o ? new XlsxNumber(o.Probability, "0%") : "—", new XlsxNumber(l.Outlook?.Deadline, "0"),
                l.Synthetic ? lang.T("是", "yes") : string.Empty, l.Sources, l.Track == KpiTracks.Main ? l.Kpi.Id : $"{l.Kpi.Id}:{l.Track}"]);
        }

        summary.Add([]);
        summary.Add([lang.T("综合考核", "Overall grade"), report.OverallGrade is { } og ? lang.T(og.Zh(), og.En()) : null, lang.T("平均得分", "Mean score"), new XlsxNumber(report.OverallScore, "0.0")]);
        book.AddSheet(lang.T("概要", "Summary"), summary);
        book.AddSheet(lang.T("说明", "Narrative"), report.Lines.Select(l => new object?[] { KpiText.Name(l.Kpi, l.Track, lang), l.Narrative })
            .Concat(report.Lines.Where(l => l.Outlook is not null).Select(l => new object?[] { KpiText.Name(l.Kpi, l.Track, lang) + lang.T("：达标概率", ": outlook"), OutlookText.Sentence(l.Outlook!, lang) }))
            .Concat(report.Peak is { } peak ? [[lang.T("达峰检验", "Peak test"), OutlookText.Peak(peak, lang)]] : Array.Empty<object?[]>())
            .Concat(report.OutlookOptions is { } outlookOptions ? [[lang.T("达标概率的计算", "How the probability is computed"), OutlookText.Method(outlookOptions, report.Year, lang)]] : Array.Empty<object?[]>())
            .Prepend([lang.T("总体", "Overall"), report.Summary])
            .Prepend([lang.T("指标", "KPI"), lang.T("评价", "Assessment")]));

        if (report.Rankings.Count > 0)
        {
            var headline = report.Rankings.Select(r => r.Line).ToArray();
            var rows = new List<object?[]> { new object?[] { lang.T("地区", "Region"), lang.T("地区代码", "Code") }.Concat(headline.Select(l => (object?)$"{KpiText.Name(l.Kpi, l.Track, lang)}（{KpiText.Unit(l.Kpi.Unit, lang)}）")).ToArray() };
            foreach (var p in RegionCatalog.Provinces)
            {
                rows.Add(new object?[] { lang.T(p.ShortNameZh, p.NameEn), p.Code.Value }
                    .Concat(report.Rankings.Select(r => (object?)new XlsxNumber(r.Rows.FirstOrDefault(x => x.Region == p.Code)?.Result?.Value, FormatOf(r.Line.Kpi.Unit)))).ToArray());
            }

            book.AddSheet(lang.T("各省", "Provinces"), rows);
        }

        book.AddSheet(lang.T("分部门", "Sectors"), report.Sectors
            .Select(s => new object?[] { lang.T(SectorCatalog.All.First(x => x.Id == s.Sector).NameZh, SectorCatalog.All.First(x => x.Id == s.Sector).NameEn), new XlsxNumber(s.Energy, "#,##0.0"), new XlsxNumber(s.Co2, "#,##0.0"), s.Synthetic ? lang.T("是", "yes") : string.Empty, s.Sector.Value })
            .Prepend([lang.T("部门", "Sector"), lang.T($"能源消费 {report.SectorYear}（万吨标准煤）", $"Energy {report.SectorYear} (10k tce)"), lang.T($"二氧化碳 {report.SectorYear}（万吨）", $"CO2 {report.SectorYear} (10k t)"), lang.T("合成数据", "Synthetic"), lang.T("部门代码", "Sector id")]));
        if (report.Drivers?.Decomposition is { } d)
        {
            // Names first, ids last, as on the other sheets (issue 16).
            book.AddSheet(lang.T("变化成因", "Drivers"), d.Effects
                .Select(e => new object?[] { lang.T(e.Effect.Zh(), e.Effect.En()), new XlsxNumber(e.Value, "#,##0.0"), e.Effect.Id() })
                .Append([lang.T("合计", "Total"), new XlsxNumber(d.Total, "#,##0.0"), "total"])
                .Prepend([lang.T("因素", "Effect"), lang.T($"变化 {d.From}—{d.To}（万吨二氧化碳）", $"Change {d.From}–{d.To} (10k t CO2)"), lang.T("因素代码", "Effect id")]));
        }

        book.AddSheet(lang.T("数据来源", "Data"), report.Data
            .Select(d => new object?[] { lang.T(IndicatorCatalog.Get(d.Indicator).NameZh, IndicatorCatalog.Get(d.Indicator).NameEn), KpiText.Unit(IndicatorCatalog.Get(d.Indicator).CanonicalUnit, lang), d.Latest?.ToString(), d.Values, d.RegionsWithData, d.Synthetic ? lang.T("是", "yes") : string.Empty, string.Join("; ", d.Sources), d.Indicator.Value })
            .Prepend([lang.T("原始指标", "Indicator"), lang.T("单位", "Unit"), lang.T("最新期", "Latest period"), lang.T("数值个数", "Values"), lang.T("地区数", "Regions"), lang.T("合成数据", "Synthetic"), lang.T("来源", "Sources"), lang.T("指标代码", "Indicator id")]));

        var charts = report.Lines.Where(l => l.Kpi.HasDataSource && (l.Series.Any(r => r.Value is not null) || l.InputSeries.Count > 0))
            .Select(l =>
            {
                var title = $"{KpiText.Name(l.Kpi, l.Track, lang)}（{KpiText.Unit(l.Kpi.Unit, lang)}）";
                var model = l.InputSeries.Count > 0 ? ChartModels.Peak(l.Kpi, l.InputSeries, l.Result, lang, KpiText.Name(l.Kpi, l.Track, lang)) : ChartModels.Trajectory(l.Kpi, l.Series, lang, title, l.Outlook);
                return (title, ChartImages.Render(model, ChartImageFormat.Png, ChartWidth, ChartHeight), ChartWidth, ChartHeight);
            })
            .ToArray();
        if (charts.Length > 0)
        {
            book.AddImageSheet(lang.T("图表", "Charts"), charts);
        }

        return book.ToBytes();
    }
}

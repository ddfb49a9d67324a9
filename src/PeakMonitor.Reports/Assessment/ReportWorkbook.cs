using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Excel;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>The report's Excel annex: one sheet per section, numbers as numbers, units in the headers.</summary>
public static class ReportWorkbook
{
    public static byte[] Write(AssessmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lang = new UiLanguage { English = report.English };
        var book = new XlsxWorkbook();
        var summary = new List<object?[]>
        {
            new object?[] { lang.T("指标", "KPI"), lang.T("分项", "Track"), lang.T("单位", "Unit"), lang.T("数值", "Value"), lang.T("基年", "Baseline year"), lang.T("基年值", "Baseline value"),
                lang.T("目标年", "Target year"), lang.T("目标", "Target"), lang.T("路径值", "Expected"), lang.T("进度 %", "Progress %"), lang.T("所需年均", "Required rate"), lang.T("实际年均", "Actual rate"),
                lang.T("预测", "Projected"), lang.T("状态", "Status"), lang.T("考核", "Grade"), lang.T("得分", "Score"), lang.T("合成数据", "Synthetic"), lang.T("来源", "Sources") },
        };
        foreach (var l in report.Lines)
        {
            var r = l.Result;
            summary.Add([l.Kpi.Id, l.Track, l.Kpi.Unit, r?.Value, r?.BaselineYear, r?.BaselineValue, r?.TargetYear, r?.Target, r?.Expected, r?.Progress, r?.RequiredAnnualRate, r?.ActualAnnualRate,
                r?.Projected, r?.Status is null ? null : KpiText.StatusOf(r, lang), r?.Grade is { } g ? lang.T(g.Zh(), g.En()) : null, r?.Score, l.Synthetic ? lang.T("是", "yes") : string.Empty, l.Sources]);
        }

        summary.Add([]);
        summary.Add([lang.T("综合考核", "Overall grade"), report.OverallGrade is { } og ? lang.T(og.Zh(), og.En()) : null, lang.T("平均得分", "Mean score"), report.OverallScore]);
        book.AddSheet(lang.T("概要", "Summary"), summary);
        book.AddSheet(lang.T("说明", "Narrative"), report.Lines.Select(l => new object?[] { l.Kpi.Id, l.Track, l.Narrative }).Prepend([lang.T("总体", "Overall"), string.Empty, report.Summary]));

        if (report.Rankings.Count > 0)
        {
            var headline = report.Rankings.Select(r => r.Line).ToArray();
            var rows = new List<object?[]> { new object?[] { lang.T("地区代码", "Code"), lang.T("地区", "Region") }.Concat(headline.Select(l => (object?)$"{l.Kpi.Id}{(l.Track == "main" ? string.Empty : ":" + l.Track)} ({l.Kpi.Unit})")).ToArray() };
            foreach (var p in RegionCatalog.Provinces)
            {
                rows.Add(new object?[] { p.Code.Value, lang.T(p.ShortNameZh, p.NameEn) }
                    .Concat(report.Rankings.Select(r => (object?)r.Rows.FirstOrDefault(x => x.Region == p.Code)?.Result?.Value)).ToArray());
            }

            book.AddSheet(lang.T("各省", "Provinces"), rows);
        }

        book.AddSheet(lang.T("分部门", "Sectors"), report.Sectors
            .Select(s => new object?[] { s.Sector.Value, lang.T(SectorCatalog.All.First(x => x.Id == s.Sector).NameZh, SectorCatalog.All.First(x => x.Id == s.Sector).NameEn), s.Energy, s.Co2, s.Synthetic ? lang.T("是", "yes") : string.Empty })
            .Prepend([lang.T("部门", "Sector"), lang.T("名称", "Name"), lang.T($"能源消费 {report.SectorYear}（万吨标准煤）", $"Energy {report.SectorYear} (10k tce)"), lang.T($"二氧化碳 {report.SectorYear}（万吨）", $"CO2 {report.SectorYear} (10k t)"), lang.T("合成数据", "Synthetic")]));
        if (report.Drivers?.Decomposition is { } d)
        {
            book.AddSheet(lang.T("变化成因", "Drivers"), d.Effects
                .Select(e => new object?[] { e.Effect.Id(), lang.T(e.Effect.Zh(), e.Effect.En()), e.Value })
                .Append(["total", lang.T("合计", "Total"), d.Total])
                .Prepend([lang.T("因素", "Effect"), lang.T("名称", "Name"), lang.T($"变化 {d.From}—{d.To}（万吨二氧化碳）", $"Change {d.From}–{d.To} (10k t CO2)")]));
        }

        book.AddSheet(lang.T("数据来源", "Data"), report.Data
            .Select(d => new object?[] { d.Indicator.Value, IndicatorCatalog.Get(d.Indicator).CanonicalUnit, d.Latest?.ToString(), d.Values, d.RegionsWithData, d.Synthetic ? lang.T("是", "yes") : string.Empty, string.Join("; ", d.Sources) })
            .Prepend([lang.T("原始指标", "Indicator"), lang.T("单位", "Unit"), lang.T("最新期", "Latest period"), lang.T("数值个数", "Values"), lang.T("地区数", "Regions"), lang.T("合成数据", "Synthetic"), lang.T("来源", "Sources")]));
        return book.ToBytes();
    }
}

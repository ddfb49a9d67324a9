using System.Globalization;
using System.Text;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Excel;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// The provinces ranking of one KPI and year, as the Provinces page shows it and its CSV/Excel export
/// writes it: one model, so a download holds exactly the rows, order and numbers of the page.
/// </summary>
public sealed class ProvinceRanking
{
    public sealed record Row(RegionCode Region, KpiResult? Result, KpiResult? Previous, bool Synthetic, ObservationQuality Quality)
    {
        public double? Change => Result?.Value is { } v && Previous?.Value is { } p ? v - p : null;
    }

    public required KpiDefinition Kpi { get; init; }

    public required string Track { get; init; }

    /// <summary>The KPI as the query names it: the id, or "id:track" for a track other than the main one.</summary>
    public string KpiQuery => Track == "main" ? Kpi.Id : $"{Kpi.Id}:{Track}";

    public required int Year { get; init; }

    public string? Group { get; init; }

    public string? Sort { get; init; }

    public required IReadOnlyList<Row> Rows { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>
    /// Reads the page's query: unknown or hostile values fall back to the defaults (non-fossil share, the
    /// page year, all provinces, best value first) rather than fail.
    /// </summary>
    public static ProvinceRanking Build(KpiResultSet set, string? kpi, string? year, string? group, string? sort)
    {
        ArgumentNullException.ThrowIfNull(set);
        var definition = KpiCatalog.Get("nonfossil_share");
        var parts = (kpi ?? "nonfossil_share").Split(':', 2);
        if (KpiCatalog.TryGet(parts[0], out var asked) && asked.HasDataSource)
        {
            definition = asked;
        }

        var track = parts.Length > 1 && definition.Id == parts[0] && definition.Tracks.Contains(parts[1]) ? parts[1] : definition.Tracks.First();

        // One year on a page: the nation's latest year with official data, whatever synthetic provincial data cover.
        var pageYear = set.IsEmpty ? 0 : PageYear.Of(set, year);
        var regionGroup = RegionGroups.Find(group);
        var members = regionGroup?.Members ?? RegionCatalog.Provinces.Select(p => p.Code).ToArray();
        var rows = set.IsEmpty ? [] : members.Select(code =>
        {
            var result = set.At(definition.Id, track, code, pageYear);
            return new Row(code, result, set.At(definition.Id, track, code, pageYear - 1), set.IsSynthetic(definition, code), result is null ? default : set.Quality(result));
        }).ToList();
        return new ProvinceRanking
        {
            Kpi = definition,
            Track = track,
            Year = pageYear,
            Group = regionGroup?.Id,
            Sort = sort is "name" or "progress" or "change" ? sort : "value",
            Rows = rows,
            Sources = set.IsEmpty ? [] : members.SelectMany(m => set.Sources(definition, m)).Distinct().ToList(),
        };
    }

    /// <summary>Best first: by value in the KPI's direction, by progress, by change, or by name.</summary>
    public IEnumerable<Row> Sorted()
    {
        var up = Kpi.Direction == KpiDirection.HigherIsBetter;
        return Sort switch
        {
            "name" => Rows.OrderBy(r => r.Region.Value, StringComparer.Ordinal),
            "progress" => Rows.OrderByDescending(r => r.Result?.Progress ?? double.MinValue),
            "change" => Rows.OrderByDescending(r => (up ? 1 : -1) * (r.Change ?? double.MinValue)),
            _ => up ? Rows.OrderByDescending(r => r.Result?.Value ?? double.MinValue) : Rows.OrderBy(r => r.Result?.Value ?? double.MaxValue),
        };
    }

    /// <summary>The export's header row, in the page's language, units named.</summary>
    public IReadOnlyList<string> Header(UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        var unit = KpiText.Unit(Kpi.Unit, lang);
        return
        [
            lang.T("排名", "Rank"), lang.T("地区代码", "Region code"), lang.T("地区", "Region"),
            $"{lang.T("数值", "Value")} ({unit})", lang.T("占全国 %", "Share of nation %"), $"{lang.T("目标", "Target")} ({unit})", lang.T("目标年", "Target year"),
            lang.T("进度 %", "Progress %"), $"{lang.T("较上年", "Change")} ({unit})", lang.T("状态", "Status"), lang.T("考核", "Grade"),
            lang.T("目标来源", "Target from"), lang.T("数据", "Data"),
        ];
    }

    /// <summary>The rows for the export, in the page's order; numbers at full precision, empty where there is none.</summary>
    public IEnumerable<object?[]> Cells(UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        var rank = 0;
        foreach (var r in Sorted())
        {
            var region = RegionCatalog.Get(r.Region);
            var origin = r.Result?.TargetOrigin switch
            {
                TargetOrigin.Provincial => lang.T("本省目标：", "Provincial target: ") + r.Result.TargetSource,
                TargetOrigin.NationalPlan => lang.T("国家方案（适用于各省）", "National plan (for each province)"),
                _ => string.Empty,
            };
            yield return
            [
                ++rank, r.Region.Value, lang.T(region.NameZh, region.NameEn),
                r.Result?.Value, r.Result?.ShareOfNational, r.Result?.Target, r.Result?.TargetYear,
                r.Result?.Progress, r.Change, KpiText.Status(r.Result?.Status, lang), KpiText.Grade(r.Result?.Grade, lang),
                origin, r.Synthetic ? lang.T("合成（演示用）", "synthetic (demonstration)") : lang.T("官方", "official"),
            ];
        }
    }

    public string Title(UiLanguage lang) => $"{KpiText.Name(Kpi, Track, lang)} · {lang.T($"{Year}年", Year.ToString(CultureInfo.InvariantCulture))}";

    public string Csv(UiLanguage lang)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Quote(Title(lang)));
        sb.AppendLine(string.Join(',', Header(lang).Select(Quote)));
        foreach (var row in Cells(lang))
        {
            sb.AppendLine(string.Join(',', row.Select(c => c switch
            {
                null => string.Empty,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                string s => Quote(s),
                _ => Quote(Convert.ToString(c, CultureInfo.InvariantCulture) ?? string.Empty),
            })));
        }

        sb.AppendLine(Quote(lang.T("来源：", "Sources: ") + string.Join("; ", Sources.Select(s => DisplayNames.Source(s, lang)))));
        return sb.ToString();
    }

    public byte[] Xlsx(UiLanguage lang)
    {
        var rows = new List<object?[]> { new object?[] { Title(lang) }, Header(lang).Cast<object?>().ToArray() };
        rows.AddRange(Cells(lang));
        rows.Add([lang.T("来源：", "Sources: ") + string.Join("; ", Sources.Select(s => DisplayNames.Source(s, lang)))]);
        return new XlsxWorkbook().AddSheet(lang.T("排名", "ranking"), rows).ToBytes();
    }

    // A cell that starts like a formula is quoted as text: spreadsheets run "=…" from a CSV (CWE-1236).
    private static string Quote(string s) =>
        "\"" + (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' ? "'" + s : s).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The Provinces page's ranking as a download: every signed-in user may read it, as the page.</summary>
public static class ProvinceRankingExport
{
    public static WebApplication MapProvinceRankingExports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/provinces/export.{format:regex(^(csv|xlsx)$)}", async (string format, string? kpi, string? year, string? group, string? sort, Domain.Ports.IKpiResults kpis, UiLanguage lang, CancellationToken cancellationToken) =>
        {
            KpiResultSet set;
            try
            {
                set = await kpis.GetAsync(cancellationToken);
            }
            catch (Domain.Ports.StoreException)
            {
                return Results.Problem("The data store is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var ranking = ProvinceRanking.Build(set, kpi, year, group, sort);
            var name = $"peakmonitor-provinces-{ranking.Kpi.Id}-{ranking.Year}";
            return format == "csv"
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ranking.Csv(lang))).ToArray(), "text/csv; charset=utf-8", name + ".csv")
                : Results.File(ranking.Xlsx(lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }).WithName("ExportProvinceRanking").ExcludeFromDescription();
        return app;
    }
}

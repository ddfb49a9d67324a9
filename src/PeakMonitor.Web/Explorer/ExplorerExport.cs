using System.Globalization;
using System.Text;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Excel;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Web.Dashboard;

namespace PeakMonitor.Web.Explorer;

/// <summary>The explorer's table as CSV or Excel: the numbers the page shows, at full precision, with units and sources.</summary>
public static class ExplorerExport
{
    public static WebApplication MapExplorerExports(this WebApplication app)
    {
        // Exporting is exploring: analysts and admins.
        var exports = app.MapGroup("/explore").RequireAuthorization(Security.SecurityExtensions.AnalystPolicy);
        exports.MapGet("/export.csv", async (HttpContext context, ITimeSeriesReader reader, ReadCache cache, UiLanguage lang) =>
        {
            var table = await LoadAsync(context, reader, cache);
            return table is null ? Unavailable() : Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(table, lang))).ToArray(), "text/csv; charset=utf-8", "peakmonitor-explorer.csv");
        });
        exports.MapGet("/export.xlsx", async (HttpContext context, ITimeSeriesReader reader, ReadCache cache, UiLanguage lang) =>
        {
            var table = await LoadAsync(context, reader, cache);
            return table is null ? Unavailable() : Results.File(Xlsx(table, lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "peakmonitor-explorer.xlsx");
        });
        return app;
    }

    public static string Header(ExplorerColumn column, UiLanguage lang)
    {
        var indicator = IndicatorCatalog.Get(column.Indicator);
        var region = RegionCatalog.Get(column.Region);
        return $"{lang.T(region.ShortNameZh, region.NameEn)} · {lang.T(indicator.NameZh, indicator.NameEn)} ({column.UnitLabel(lang)}){(column.Synthetic ? lang.T(" [合成]", " [synthetic]") : string.Empty)}";
    }

    public static string Csv(ExplorerTable table, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.Append(Quote(lang.T("期间", "period")));
        foreach (var c in table.Columns)
        {
            sb.Append(',').Append(Quote(Header(c, lang)));
        }

        sb.Append('\n');
        for (var p = 0; p < table.Periods.Count; p++)
        {
            sb.Append(table.Periods[p].ToString());
            for (var c = 0; c < table.Columns.Count; c++)
            {
                sb.Append(',').Append(table.Values[p, c]?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);
            }

            sb.Append('\n');
        }

        sb.Append(Quote(lang.T("来源：", "Sources: ") + string.Join("; ", table.Columns.SelectMany(c => c.Sources).Distinct()))).Append('\n');
        return sb.ToString();
    }

    public static byte[] Xlsx(ExplorerTable table, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<object?[]> { new object?[] { lang.T("期间", "period") }.Concat(table.Columns.Select(c => (object?)Header(c, lang))).ToArray() };
        for (var p = 0; p < table.Periods.Count; p++)
        {
            rows.Add(new object?[] { table.Periods[p].ToString() }.Concat(Enumerable.Range(0, table.Columns.Count).Select(c => (object?)table.Values[p, c])).ToArray());
        }

        rows.Add([lang.T("来源：", "Sources: ") + string.Join("; ", table.Columns.SelectMany(c => c.Sources).Distinct())]);
        return new XlsxWorkbook().AddSheet("data", rows).ToBytes();
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<ExplorerTable?> LoadAsync(HttpContext context, ITimeSeriesReader reader, ReadCache cache)
    {
        try
        {
            var query = ExplorerQuery.Parse(key => context.Request.Query[key]);
            return await cache.GetAsync("explore?" + query.ToQueryString(), () => ExplorerTable.LoadAsync(reader, query, CancellationToken.None));
        }
        catch (StoreException)
        {
            return null;
        }
    }

    private static IResult Unavailable() => Results.Problem("The data store is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable);
}

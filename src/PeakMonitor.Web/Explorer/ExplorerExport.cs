using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Explorer;

/// <summary>The explorer's table as CSV or Excel: the numbers the page shows, at full precision, with units and sources.</summary>
public static class ExplorerExport
{
    public static WebApplication MapExplorerExports(this WebApplication app)
    {
        app.MapGet("/explore/export.csv", async (HttpContext context, ITimeSeriesReader reader, UiLanguage lang, CancellationToken ct) =>
        {
            var table = await LoadAsync(context, reader, ct);
            return table is null ? Unavailable() : Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(table, lang))).ToArray(), "text/csv; charset=utf-8", "peakmonitor-explorer.csv");
        });
        app.MapGet("/explore/export.xlsx", async (HttpContext context, ITimeSeriesReader reader, UiLanguage lang, CancellationToken ct) =>
        {
            var table = await LoadAsync(context, reader, ct);
            return table is null ? Unavailable() : Results.File(Xlsx(table, lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "peakmonitor-explorer.xlsx");
        });
        return app;
    }

    public static string Header(ExplorerColumn column, UiLanguage lang)
    {
        var indicator = IndicatorCatalog.Get(column.Indicator);
        var region = RegionCatalog.Get(column.Region);
        return $"{lang.T(region.ShortNameZh, region.NameEn)} · {lang.T(indicator.NameZh, indicator.NameEn)} ({column.Unit}){(column.Synthetic ? lang.T(" [合成]", " [synthetic]") : string.Empty)}";
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
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row([lang.T("期间", "period"), .. table.Columns.Select(c => Header(c, lang))]));
            for (var p = 0; p < table.Periods.Count; p++)
            {
                var row = new Row();
                row.Append(Text(table.Periods[p].ToString()));
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    row.Append(table.Values[p, c] is { } v ? new Cell { CellValue = new CellValue(v), DataType = CellValues.Number } : new Cell());
                }

                data.Append(row);
            }

            data.Append(Row([lang.T("来源：", "Sources: ") + string.Join("; ", table.Columns.SelectMany(c => c.Sources).Distinct())]));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "data" }));
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<string> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.Append(Text(cell));
        }

        return row;
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<ExplorerTable?> LoadAsync(HttpContext context, ITimeSeriesReader reader, CancellationToken ct)
    {
        try
        {
            return await ExplorerTable.LoadAsync(reader, ExplorerQuery.Parse(key => context.Request.Query[key]), ct);
        }
        catch (StoreException)
        {
            return null;
        }
    }

    private static IResult Unavailable() => Results.Problem("The data store is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable);
}

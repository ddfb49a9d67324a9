using System.Net;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class ReportsPageTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [Fact]
    public async Task Get_Reports_FormAndEmptyArchive()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/reports", UriKind.Relative));

        Assert.Contains("id=\"report-form\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2024\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"archive-empty\"", html, StringComparison.Ordinal);

        // The default is the latest year every binding national target can be judged in (2024), not 2025,
        // which would only say 无法评定.
        Assert.Contains("<option value=\"2024\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2025\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReports_WithoutAntiforgeryToken_400()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = "2024", ["scope"] = "CN", ["lang"] = "zh" });

        using var response = await http.PostAsync(new Uri("/api/reports", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("peakmonitor-assessment-2024-CN-zh.pdf")]
    [InlineData("archive.json")]
    public async Task Get_ReportFile_NotInArchive_404(string name)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri("/reports/files/" + Uri.EscapeDataString(name), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ReportAnnexTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [Fact]
    public async Task ExcelAnnex_SameNumbersAsTheJsonApi()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        var generator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PeakMonitor.Reports.Assessment.ReportGenerator>(factory.Services);
        var folder = Path.Combine(factory.IngestionDirectory, "annex");

        var files = await generator.GenerateAsync(2024, [Domain.Regions.RegionCode.Parse("44")], false, PeakMonitor.Reports.Assessment.ReportFormats.Xlsx, folder, null, CancellationToken.None);
        var api = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/kpis?region=44&year=2024", UriKind.Relative))).RootElement;

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(files.Single().Path, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First();
        var rows = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToArray();
        var compared = 0;
        foreach (var item in (api.ValueKind == System.Text.Json.JsonValueKind.Array ? api : api.GetProperty("items")).EnumerateArray())
        {
            if (item.GetProperty("value").ValueKind != System.Text.Json.JsonValueKind.Number)
            {
                continue;
            }

            var kpi = item.GetProperty("kpi").GetString();
            var track = item.GetProperty("track").GetString();
            // The annex is for people: the KPI's name first, its id ("kpi" or "kpi:track") in the last column, the value third.
            var id = track == "main" ? kpi : $"{kpi}:{track}";
            var row = rows.Single(x => x.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().LastOrDefault()?.InnerText == id);
            Assert.Equal(item.GetProperty("value").GetDouble(), double.Parse(row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(2).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), precision: 9);
            compared++;
        }

        Assert.True(compared >= 8, $"{compared} KPI values compared");
    }
}

using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.Ingestion.Targets;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Reports.Pdf;
using PeakMonitor.TestKit;

namespace PeakMonitor.Reports.Tests.Assessment;

/// <summary>The seed data in a real influxd, reports generated from it, and the engine's own numbers to compare with.</summary>
public sealed class SeededReports : IAsyncLifetime
{
    public InfluxServerFixture Server { get; } = new();

    public TempDirectory Output { get; } = new("peakmonitor-reports");

    public ReportGenerator Generator { get; private set; } = null!;

    public HtmlPdfRenderer Pdf { get; } = new(Options.Create(new ReportsOptions { EchartsScript = Path.Combine(Repository.Root, "src", "PeakMonitor.Web", "node_modules", "echarts", "dist", "echarts.min.js") }));

    public IReadOnlyList<KpiResult> Expected { get; private set; } = [];

    /// <summary>The outlook settings the generator is given (not the defaults, so a report ignoring them would show).</summary>
    public Domain.Outlook.OutlookOptions OutlookOptions { get; } = new() { Draws = 600, Seed = 4242 };

    /// <summary>The panel and engine of <see cref="Expected"/>, for computing outlooks apart from the reports.</summary>
    public IndicatorPanel Panel { get; private set; } = null!;

    public KpiEngine Engine { get; private set; } = null!;

    /// <summary>The outlooks the API and CLI give for a region as of a year, computed by the model itself.</summary>
    public IReadOnlyList<Domain.Outlook.KpiOutlook> Outlooks(RegionCode region, int year) =>
        new Domain.Outlook.OutlookModel(OutlookOptions).Evaluate(Panel, Engine, region, asOfYear: year);

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        var client = await Server.NewDatabaseAsync();
        var observations = new List<Observation>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv"))
        {
            observations.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        var store = new InfluxTimeSeriesStore(client);
        await store.WriteAsync(observations, CancellationToken.None);
        var options = Options.Create(new ReportsOptions { EchartsScript = Path.Combine(Repository.Root, "src", "PeakMonitor.Web", "node_modules", "echarts", "dist", "echarts.min.js") });
        // The shipped targets file, as the web app and the CLI use it (one KpiResults for every reader).
        var targetsFile = Path.Combine(Repository.Root, "seed-data", "targets", "provincial-targets.csv");
        var kpis = new KpiResults(store, Options.Create(new KpiJudgementOptions()), Options.Create(new KpiOptions { ProvincialTargetsFile = targetsFile }), TimeProvider.System, NullLogger<KpiResults>.Instance);
        Generator = new ReportGenerator(kpis, store, Pdf, options, TimeProvider.System, outlookOptions: Options.Create(OutlookOptions));

        // The engine's own numbers, computed apart from the report pipeline.
        var panel = IndicatorPanel.From(observations.Where(o => o.Sector.Value == "all"));
        var targets = await ProvincialTargetsReader.ReadFileAsync(targetsFile, CancellationToken.None);
        Panel = panel;
        Engine = new KpiEngine(provincialTargets: targets);
        Expected = Engine.Compute(panel, KpiCatalog.All, RegionCatalog.All.Select(r => r.Code), Enumerable.Range(panel.YearSpan!.Value.First, 2025 - panel.YearSpan!.Value.First + 1));
    }

    public async Task DisposeAsync()
    {
        await Pdf.DisposeAsync();
        await Server.DisposeAsync();
        Output.Dispose();
    }
}

public sealed class ReportGeneratorTests(SeededReports seeded) : IClassFixture<SeededReports>
{
    private static string PdfText(string pdf) => PdfFiles.Text(pdf);

    private static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static int PageCount(string pdf) => PdfFiles.Pages(pdf);

    private async Task<IReadOnlyList<ReportFile>> GenerateAsync(string region, bool english, ReportFormats formats, string folder, int year = 2024) =>
        await seeded.Generator.GenerateAsync(year, [RegionCode.Parse(region)], english, formats, Path.Combine(seeded.Output.Path, folder), null, CancellationToken.None);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pdf_National_TextHoldsEveryKpiValueAndStatusWord(bool english)
    {
        var files = await GenerateAsync("CN", english, ReportFormats.Pdf, english ? "cn-en" : "cn-zh");

        var text = PdfText(files.Single().Path);

        var lang = new UiLanguage { English = english };
        foreach (var r in seeded.Expected.Where(r => r.Region.IsNational && r.Year == 2024 && r.Value is not null && KpiCatalog.Get(r.Kpi).Measure != KpiMeasure.Event))
        {
            Assert.Contains(lang.Num(r.Value, 2), text, StringComparison.Ordinal);
            var word = KpiText.StatusOf(r, lang);

            // Table cells wrap words across lines in the text layout: compare without white space.
            Assert.Contains(Squash(word), Squash(text), StringComparison.Ordinal);
        }

        Assert.Contains(english ? "annual assessment" : "年度评估报告", text, StringComparison.Ordinal);
        Assert.Contains(english ? "synthetic" : "合成", text, StringComparison.Ordinal);

        // National figures not yet checked against the official release carry their mark.
        Assert.Contains(english ? "to be verified" : "待核实", text, StringComparison.Ordinal);
        Assert.Contains("1 / ", text, StringComparison.Ordinal);
        if (!english)
        {
            using var images = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", "6", files.Single().Path, Path.Combine(AppContext.BaseDirectory, "artifacts", "report-cn-zh")]))!;
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
            await images.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("CN", false)]
    [InlineData("44", true)]
    public async Task Pdf_Contents_EachEntryNamesThePageItsChapterStartsOn(string region, bool english)
    {
        var path = (await GenerateAsync(region, english, ReportFormats.Pdf, $"toc-{region}-{english}")).Single().Path;
        var pages = PageCount(path);
        var lang = new UiLanguage { English = english };

        // The contents page (page 2, after the title page) lists each chapter with a number.
        var contents = PdfFiles.Text(path, 2);
        Assert.Contains(lang.T("目录", "Contents"), contents, StringComparison.Ordinal);
        var entries = System.Text.RegularExpressions.Regex.Matches(contents, english ? @"(\d)\. ([A-Za-z][A-Za-z ]+?)\s+(\d+)\s*$" : @"([一二三四五六])、(\S+?)\s+(\d+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal(RegionCode.Parse(region).IsNational ? 6 : 5, entries.Count);
        var previous = 2;
        foreach (System.Text.RegularExpressions.Match entry in entries)
        {
            var page = int.Parse(entry.Groups[3].Value, CultureInfo.InvariantCulture);
            Assert.InRange(page, previous + 1, pages);
            previous = page;

            // That page opens with the chapter's heading.
            var heading = english ? $"{entry.Groups[1].Value}. {entry.Groups[2].Value.Trim()}" : $"{entry.Groups[1].Value}、{entry.Groups[2].Value}";
            var top = PdfFiles.Text(path, page).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).First();
            Assert.Equal(heading, top);
        }
    }

    [Fact]
    public async Task Pdf_SameInputTwice_SamePageCount()
    {
        var first = (await GenerateAsync("44", false, ReportFormats.Pdf, "gd-1")).Single();
        var second = (await GenerateAsync("44", false, ReportFormats.Pdf, "gd-2")).Single();

        Assert.Equal(PageCount(first.Path), PageCount(second.Path));
        Assert.InRange(PageCount(first.Path), 5, 60);
    }

    [Fact]
    public async Task Xlsx_Summary_SameNumbersAsTheEngine()
    {
        var file = (await GenerateAsync("53", false, ReportFormats.Xlsx, "yn")).Single();

        using var document = SpreadsheetDocument.Open(file.Path, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>().ToArray();
        foreach (var r in seeded.Expected.Where(r => r.Region.Value == "53" && r.Year == 2024 && r.Value is not null))
        {
            var id = r.Track == "main" ? r.Kpi : $"{r.Kpi}:{r.Track}";
            var row = rows.Single(x => x.Elements<Cell>().LastOrDefault()?.InnerText == id);
            var valueCell = row.Elements<Cell>().ElementAt(2);
            Assert.Equal(r.Value!.Value, double.Parse(valueCell.CellValue!.Text, CultureInfo.InvariantCulture), precision: 9);
            Assert.Equal(Localization.KpiText.Name(KpiCatalog.Get(r.Kpi), r.Track, new UiLanguage()), row.Elements<Cell>().First().InnerText);
        }

        Assert.Equal(["概要", "说明", "分部门", "变化成因", "数据来源", "图表"], workbook.Workbook.Sheets.Elements<Sheet>().Select(s => s.Name!.Value!));
    }

    [Theory]
    [InlineData("CN")]
    [InlineData("53")]
    public async Task Xlsx_Summary_ProbabilityCellIsTheOutlookModelsNumber(string region)
    {
        var file = (await GenerateAsync(region, false, ReportFormats.Xlsx, "xlsx-outlook-" + region)).Single();

        using var document = SpreadsheetDocument.Open(file.Path, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>().ToArray();
        var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        var column = header.IndexOf("达标概率");
        Assert.Equal("达标期限", header[column + 1]);
        var expected = seeded.Outlooks(RegionCode.Parse(region), 2024);
        Assert.NotEmpty(expected);
        var checkedRows = 0;
        foreach (var row in rows.Skip(1).Where(r => r.Elements<Cell>().Count() == header.Count))
        {
            var cells = row.Elements<Cell>().ToArray();
            var id = cells[^1].InnerText.Split(':');
            var outlook = expected.FirstOrDefault(o => o.Kpi == id[0] && o.Track == (id.Length > 1 ? id[1] : "main"));
            if (outlook is null)
            {
                Assert.Equal("—", cells[column].InnerText);
                continue;
            }

            Assert.Equal(CellValues.Number, cells[column].DataType!.Value);
            Assert.Equal(outlook.Probability, double.Parse(cells[column].CellValue!.Text, CultureInfo.InvariantCulture), precision: 9);
            Assert.Equal(outlook.Deadline, int.Parse(cells[column + 1].CellValue!.Text, CultureInfo.InvariantCulture));
            checkedRows++;
        }

        Assert.Equal(expected.Count(o => KpiCatalog.Get(o.Kpi).HasDataSource), checkedRows);
    }

    [Fact]
    public async Task Html_National_ProbabilityColumnAndFanFromTheConfiguredOutlook()
    {
        var file = (await GenerateAsync("CN", false, ReportFormats.Html, "html-outlook")).Single();

        var html = await File.ReadAllTextAsync(file.Path);

        foreach (var outlook in seeded.Outlooks(RegionCode.National, 2024))
        {
            var percent = Math.Round(outlook.Probability * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            Assert.Contains($"data-probability=\"{outlook.Probability.ToString("0.####", CultureInfo.InvariantCulture)}\">{percent}%（{outlook.Deadline}）</td>", html, StringComparison.Ordinal);
            Assert.Contains($"\"fan\":{{\"probability\":{outlook.Probability.ToString(CultureInfo.InvariantCulture)},\"deadline\":{outlook.Deadline},\"asOf\":2024}}", html, StringComparison.Ordinal);
        }

        Assert.Contains($"模拟{seeded.OutlookOptions.Draws}条路径", html, StringComparison.Ordinal);
        Assert.Contains($"随机数种子{seeded.OutlookOptions.Seed}", html, StringComparison.Ordinal);
        Assert.Contains("class=\"peak-test\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_National_ForPeopleNamesFormatsWidthsFrozenHeaderAndCharts()
    {
        var file = (await GenerateAsync("CN", false, ReportFormats.Xlsx, "xlsx-people")).Single();

        using var document = SpreadsheetDocument.Open(file.Path, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        WorksheetPart Part(string name) => (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!.Value!);
        var summary = Part("概要").Worksheet;
        var rows = summary.Descendants<Row>().ToArray();
        var nonfossil = rows.Single(r => r.Elements<Cell>().LastOrDefault()?.InnerText == "nonfossil_share");
        Assert.Equal("非化石能源消费比重", nonfossil.Elements<Cell>().First().InnerText);
        Assert.DoesNotContain(rows.Skip(1), r => r.Elements<Cell>().FirstOrDefault()?.InnerText == "nonfossil_share");
        var valueCell = nonfossil.Elements<Cell>().ElementAt(2);
        var format = (CellFormat)workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)valueCell.StyleIndex!.Value);
        var code = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        Assert.Equal("#,##0.00", code);
        var pane = summary.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var widths = summary.Descendants<Column>().ToArray();
        Assert.True(widths[0].Width!.Value > widths[3].Width!.Value, "the KPI-name column is wider than the baseline-year column");
        var provinces = Part("各省").Worksheet.Descendants<Row>().First();
        Assert.Contains("非化石能源消费比重（%）", provinces.Elements<Cell>().Select(c => c.InnerText));
        var charts = Part("图表");
        Assert.True(charts.DrawingsPart!.ImageParts.Count() >= 4, "a chart per headline KPI");
    }

    [Fact]
    public async Task Html_National_HasRankingOf31AndChartsScript()
    {
        var file = (await GenerateAsync("CN", false, ReportFormats.Html, "html")).Single();

        var html = await File.ReadAllTextAsync(file.Path);

        Assert.Contains("三、各省排名", html, StringComparison.Ordinal);
        Assert.Contains("window.chartsDone = true", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"c1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_WithoutEcharts_ServerDrawnChartImagesInline()
    {
        var observations = (await CanonicalCsvReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "national-cn.csv"), CancellationToken.None)).Observations;
        var set = new KpiResultSet(IndicatorPanel.From(observations.Where(o => o.Sector.Value == "all")), new KpiEngine(), DateTimeOffset.UnixEpoch);
        var report = AssessmentReportBuilder.Build(2024, RegionCode.National, false, set, [], DateTimeOffset.UnixEpoch);

        var html = ReportHtml.Render(report, echartsScript: null);

        var charts = report.Lines.Count(l => l.Kpi.HasDataSource && l.Series.Any(r => r.Value is not null));
        Assert.True(charts > 0);
        Assert.Equal(charts, System.Text.RegularExpressions.Regex.Matches(html, "<img class=\"chart\" alt=\"[^\"]+\" src=\"data:image/png;base64,").Count);
        Assert.DoesNotContain("data-chart=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_YearWithoutDataForBindingKpis_NotAssessableListingThem()
    {
        // 2025: the communiqué gives GDP and the CO2-intensity change, but no energy figures yet: the binding
        // energy- and carbon-intensity targets cannot be judged, so no grade is given (issue: no grade without data).
        var files = await GenerateAsync("CN", false, ReportFormats.Pdf | ReportFormats.Html, "cn-2025", year: 2025);

        var file = files.First();
        Assert.Equal(AssessmentGrade.NotAssessable, file.OverallGrade);
        Assert.Contains(file.Missing, m => m.StartsWith("单位国内生产总值能源消耗降低", StringComparison.Ordinal));
        var text = Squash(PdfText(files.Single(f => f.Format == ReportFormats.Pdf).Path));
        Assert.Contains("无法评定（数据不全）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("超额完成（约束性指标平均得分", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_2024_NationalGradeFromBindingTargetsOnly()
    {
        var file = (await GenerateAsync("CN", true, ReportFormats.Html, "cn-2024-grade")).Single();

        var expected = KpiAssessment.Of(seeded.Expected.Where(r => r.Region.IsNational && r.Year == 2024), new KpiJudgementOptions());
        Assert.Equal(expected.Grade, file.OverallGrade);
        Assert.All(expected.Binding, r => Assert.Contains(r.Kpi, new[] { "energy_intensity_reduction", "carbon_intensity_reduction" }));
    }
}

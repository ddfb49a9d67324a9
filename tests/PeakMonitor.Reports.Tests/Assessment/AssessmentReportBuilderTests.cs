using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.TestKit;

namespace PeakMonitor.Reports.Tests.Assessment;

/// <summary>The "what drove the change" section (issue 18), built from the seed files without a store or a browser.</summary>
public sealed class AssessmentReportBuilderTests
{
    private static async Task<(KpiResultSet Set, IndicatorPanel Kaya)> SeedAsync()
    {
        var observations = new List<Observation>();
        foreach (var file in new[] { "national-cn.csv", "provinces-synthetic.csv" })
        {
            observations.AddRange((await CanonicalCsvReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", file), CancellationToken.None)).Observations);
        }

        var panel = IndicatorPanel.From(observations);
        return (new KpiResultSet(panel, new KpiEngine(), DateTimeOffset.UnixEpoch), panel);
    }

    [Fact]
    public async Task Build_National2024_DriversFrom2020WithTheDomainsEffects()
    {
        var (set, kaya) = await SeedAsync();

        var report = AssessmentReportBuilder.Build(2024, RegionCode.National, false, set, [], DateTimeOffset.UnixEpoch, kaya);

        var expected = LmdiDecomposition.Of(kaya, RegionCode.National, 2020, 2024);
        var drivers = report.Drivers!;
        Assert.Equal((2020, 2024, false, ObservationQuality.Unverified), (drivers.From, drivers.To, drivers.Synthetic, drivers.Quality));
        Assert.Equal(expected.Effects, drivers.Decomposition!.Effects);
        var html = ReportHtml.Render(report, null);
        Assert.Contains("五、变化成因", html, StringComparison.Ordinal);
        Assert.Contains(Narrative.Drivers(expected, new Localization.UiLanguage()), System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<tr data-effect=\"energy_intensity\">", html, StringComparison.Ordinal);
        Assert.Contains("Ang 2005", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ProvinceEnglish_SyntheticBadgeAndEnglishNarrative()
    {
        var (set, kaya) = await SeedAsync();

        var report = AssessmentReportBuilder.Build(2024, RegionCode.Parse("44"), true, set, [], DateTimeOffset.UnixEpoch, kaya);

        var html = ReportHtml.Render(report, null);
        Assert.True(report.Drivers!.Synthetic);
        Assert.Contains("4. What drove the change", html, StringComparison.Ordinal);
        Assert.Contains("From 2020 to 2024 energy CO2", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\">synthetic</span>", html[html.IndexOf("class=\"drivers\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_RegionWithoutInputs_SectionSaysWhyNoDecomposition()
    {
        var (set, _) = await SeedAsync();
        var nationalOnly = IndicatorPanel.From((await CanonicalCsvReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "national-cn.csv"), CancellationToken.None)).Observations);

        var report = AssessmentReportBuilder.Build(2024, RegionCode.Parse("11"), false, set, [], DateTimeOffset.UnixEpoch, nationalOnly);

        Assert.Null(report.Drivers!.Decomposition);
        Assert.Contains("Region 11 (北京, Beijing), 2020: population", report.Drivers.Problem, StringComparison.Ordinal);
        Assert.Contains("无法分解：", ReportHtml.Render(report, null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_National_WorkbookHasADriversSheet()
    {
        var (set, kaya) = await SeedAsync();
        var report = AssessmentReportBuilder.Build(2024, RegionCode.National, false, set, [], DateTimeOffset.UnixEpoch, kaya);

        var bytes = ReportWorkbook.Write(report);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        Assert.Contains("变化成因", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WithEvents_ListedUpToTheReportYearAndMarkedOnTheCharts()
    {
        var (set, kaya) = await SeedAsync();
        var events = await Ingestion.Events.PolicyEventsReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "events", "events.csv"), CancellationToken.None);

        var report = AssessmentReportBuilder.Build(2021, RegionCode.National, false, set, [], DateTimeOffset.UnixEpoch, kaya, events);

        Assert.Equal(events.Where(e => e.Date.Year <= 2021), report.Events);
        var html = ReportHtml.Render(report, "/* echarts */");
        Assert.Contains("<li data-event=\"2020-09-22\">", html, StringComparison.Ordinal);
        Assert.Contains("<li data-event=\"2021-10\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-event=\"2022-10-27\"", html, StringComparison.Ordinal);
        Assert.Contains("\"markLine\":{\"symbol\":\"none\",\"lineStyle\":{\"color\":\"#6a1b9a\"", html, StringComparison.Ordinal);
    }
}

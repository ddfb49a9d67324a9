using System.Globalization;
using System.Text.RegularExpressions;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.TestKit;

namespace PeakMonitor.Reports.Tests.Assessment;

/// <summary>
/// The outlook in the assessment report (issue 17), built from the seed files without a store or a
/// browser: probabilities as of the report's year, the same numbers as the outlook model gives, in the
/// HTML table and charts, with the method note and the peak test.
/// </summary>
public sealed partial class ReportOutlookTests
{
    /// <summary>Not the defaults, so that a report using the defaults instead of its options would differ.</summary>
    private static readonly OutlookOptions Options = new() { Draws = 700, Seed = 99, WindowYears = 8 };

    [GeneratedRegex("""<td class="num" data-field="probability"(?: data-probability="([0-9.]+)")?>([^<]*)</td>""")]
    private static partial Regex ProbabilityCell();

    private static async Task<List<Observation>> ObservationsAsync()
    {
        var observations = new List<Observation>();
        foreach (var file in new[] { "national-cn.csv", "provinces-synthetic.csv" })
        {
            observations.AddRange((await CanonicalCsvReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", file), CancellationToken.None)).Observations);
        }

        return observations;
    }

    private static KpiResultSet SetOf(IEnumerable<Observation> observations) => new(IndicatorPanel.From(observations), new KpiEngine(), DateTimeOffset.UnixEpoch);

    private static AssessmentReport Build(KpiResultSet set, int year, string region = "CN", bool english = false) =>
        AssessmentReportBuilder.Build(year, RegionCode.Parse(region), english, set, [], DateTimeOffset.UnixEpoch, outlook: new OutlookModel(Options));

    [Theory]
    [InlineData("CN")]
    [InlineData("44")]
    public async Task Build_WithOutlookModel_ProbabilityOfTheModelForKpisWithOutlooksNullOtherwise(string region)
    {
        var set = SetOf(await ObservationsAsync());

        var report = Build(set, 2024, region);

        var expected = new OutlookModel(Options).Evaluate(set.Panel, set.Engine, RegionCode.Parse(region), asOfYear: 2024);
        Assert.NotEmpty(expected);
        foreach (var line in report.Lines)
        {
            var outlook = expected.FirstOrDefault(o => o.Kpi == line.Kpi.Id && o.Track == line.Track);
            if (outlook is null)
            {
                Assert.Null(line.Probability);
                continue;
            }

            Assert.Equal(outlook.Probability, line.Probability);
            Assert.InRange(line.Probability!.Value, 0, 1);
            Assert.Equal((2024, outlook.Deadline), (line.Outlook!.AsOfYear, line.Outlook.Deadline));
        }

        Assert.Contains(report.Lines, l => l.Probability is null && l.Kpi.HasDataSource);
        Assert.Equal(Options, report.OutlookOptions);
    }

    [Fact]
    public async Task Build_WithoutOutlookModel_NoProbabilitiesAndDashesInTheTable()
    {
        var set = SetOf(await ObservationsAsync());

        var report = AssessmentReportBuilder.Build(2024, RegionCode.National, false, set, [], DateTimeOffset.UnixEpoch);

        Assert.All(report.Lines, l => Assert.Null(l.Probability));
        Assert.Null(report.Peak);
        var cells = ProbabilityCell().Matches(ReportHtml.Render(report, null));
        Assert.Equal(report.Lines.Count(l => l.Kpi.HasDataSource), cells.Count);
        Assert.All(cells, c => Assert.Equal("—", c.Groups[2].Value));
    }

    /// <summary>
    /// A 2020 report over all the data gives exactly the probabilities the model gives on the data cut
    /// at 2020: nothing after the report's year reaches it.
    /// </summary>
    [Fact]
    public async Task Build_EarlierYear_SameProbabilitiesAsTheModelOnDataUpToThatYear()
    {
        var observations = await ObservationsAsync();
        var full = SetOf(observations);
        var cut = SetOf(observations.Where(o => o.Period.Year <= 2020));

        var report2020 = Build(full, 2020);
        var report2024 = Build(full, 2024);

        var expected = new OutlookModel(Options).Evaluate(cut.Panel, cut.Engine, RegionCode.National, asOfYear: 2020);
        Assert.NotEmpty(expected);
        var withOutlook = report2020.Lines.Where(l => l.Outlook is not null).ToArray();
        Assert.Equal(expected.Select(o => (o.Kpi, o.Track, o.Deadline, o.Probability)), withOutlook.Select(l => (l.Kpi.Id, l.Track, l.Outlook!.Deadline, l.Probability!.Value)));
        Assert.All(withOutlook, l => Assert.Equal(2020, l.Outlook!.AsOfYear));

        // The peak test, too, stops at the report's year.
        Assert.True(report2020.Peak!.AsOfYear <= 2020);
        Assert.True(report2024.Peak!.AsOfYear > 2020);

        // Later data move at least one probability or deadline (the 2024 report is not the 2020 one relabelled).
        var later = report2024.Lines.Where(l => l.Outlook is not null).Select(l => (l.Kpi.Id, l.Track, l.Outlook!.Deadline, l.Probability!.Value));
        Assert.NotEqual(withOutlook.Select(l => (l.Kpi.Id, l.Track, l.Outlook!.Deadline, l.Probability!.Value)), later);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_WithOutlooks_ProbabilityColumnHoldsTheModelsNumberAndDeadline(bool english)
    {
        var set = SetOf(await ObservationsAsync());
        var report = Build(set, 2024, english: english);

        var html = ReportHtml.Render(report, "/* echarts */");

        var expected = new OutlookModel(Options).Evaluate(set.Panel, set.Engine, RegionCode.National, asOfYear: 2024);
        var rows = report.Lines.Where(l => l.Kpi.HasDataSource).ToArray();
        var cells = ProbabilityCell().Matches(html);
        Assert.Equal(rows.Length, cells.Count);
        Assert.Contains(english ? "<th>Probability of meeting the target</th>" : "<th>达标概率</th>", html, StringComparison.Ordinal);
        foreach (var (line, cell) in rows.Zip(cells))
        {
            var outlook = expected.FirstOrDefault(o => o.Kpi == line.Kpi.Id && o.Track == line.Track);
            if (outlook is null)
            {
                Assert.Equal("—", cell.Groups[2].Value);
                continue;
            }

            Assert.Equal(outlook.Probability, double.Parse(cell.Groups[1].Value, CultureInfo.InvariantCulture), 4);
            var percent = Math.Round(outlook.Probability * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(english ? $"{percent}% ({outlook.Deadline})" : $"{percent}%（{outlook.Deadline}）", cell.Groups[2].Value);
        }

        // Every chart of a KPI with an outlook carries its fan (the ECharts option's stacked bands).
        Assert.Equal(expected.Count(o => rows.Any(l => l.Kpi.Id == o.Kpi && l.Track == o.Track && l.Series.Any(r => r.Value is not null))),
            Regex.Matches(html, "\"fan\":\\{\"probability\":").Count);
        Assert.Contains("\"stack\":\"fan-outer\"", html, StringComparison.Ordinal);
        Assert.Contains("\"stack\":\"fan-inner\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithOutlooks_MethodNoteWithTheSettingsAndThePeakTest()
    {
        var set = SetOf(await ObservationsAsync());
        var report = Build(set, 2023);

        var html = System.Net.WebUtility.HtmlDecode(ReportHtml.Render(report, null));

        var note = Regex.Match(html, "<p class=\"source\" id=\"outlook-method\">([^<]+)</p>").Groups[1].Value;
        Assert.Contains("移动块自助法", note, StringComparison.Ordinal);
        Assert.Contains("截至2023年", note, StringComparison.Ordinal);
        Assert.Contains($"最近{Options.WindowYears}个年度变化", note, StringComparison.Ordinal);
        Assert.Contains($"模拟{Options.Draws}条路径", note, StringComparison.Ordinal);
        Assert.Contains($"随机数种子{Options.Seed}", note, StringComparison.Ordinal);

        var history = new Domain.Kpis.Formulas.KpiInputs(set.Panel, RegionCode.National).History(Domain.Kpis.Formulas.Co2PeakFormula.Emissions, 2023);
        var peak = PeakTest.Evaluate(history, RegionCode.National, history[^1].Year, new OutlookModel(Options), set.Options, set.Engine.TargetsFor(KpiCatalog.Get("co2_peak"), RegionCode.National).First().TargetYear)!;
        var paragraph = Regex.Match(html, "<p class=\"peak-test\">([^<]+)</p>").Groups[1].Value;
        var percent = Math.Round(peak.ProbabilityPeaked * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"已达峰概率{percent}%", paragraph, StringComparison.Ordinal);
        Assert.Contains($"按{peak.AsOfYear}年及以前", paragraph, StringComparison.Ordinal);
        // The paragraph stands in the CO2 peak's own block.
        var block = html[html.LastIndexOf("<div class=\"kpi\">", html.IndexOf("class=\"peak-test\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
        Assert.StartsWith($"<div class=\"kpi\"><h3>{Localization.KpiText.Name(KpiCatalog.Get("co2_peak"), "main", new Localization.UiLanguage())}", block, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "其中2021年为按前3个月与上年同期之比")]
    [InlineData(true, "2021 is estimated from its first 3 months against the same months of 2020")]
    public void Peak_PartialYearFromMonths_SaysSoInEitherLanguage(bool english, string expected)
    {
        double[] annual = [100, 104, 103, 110, 115, 120];
        var history = annual.Select((v, i) => (2015 + i, v)).ToArray();
        var partial = new PartialYear(2021, 3, 1.1, 132);

        var peak = PeakTest.Evaluate(history, RegionCode.National, 2021, new OutlookModel(Options), new KpiJudgementOptions(), 2030, partial)!;
        var text = OutlookText.Peak(peak, new Localization.UiLanguage { English = english });

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Api;

public sealed class OutlookEndpointsTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dashboard:CacheDuration"] = "00:00:00" };

    private async Task<(PeakMonitorWebFactory Factory, IndicatorPanel Panel)> NationalSeedAsync()
    {
        var client = await influxd.NewDatabaseAsync();
        var observations = (await CanonicalCsvReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "national-cn.csv"), CancellationToken.None)).Observations;
        await new InfluxTimeSeriesStore(client).WriteAsync(observations, CancellationToken.None);
        return (new PeakMonitorWebFactory(influxd.Url, client.Database, Settings), IndicatorPanel.From(observations));
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outlook_NationalSeed_EndpointsAgreeWithTheDomainAndPagesShowTheProbability()
    {
        var (factory, panel) = await NationalSeedAsync();
        await using var disposeFactory = factory;
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var (status, body) = await GetAsync(http, "/api/outlook?region=CN");
        Assert.Equal(HttpStatusCode.OK, status);
        var expected = new OutlookModel().Evaluate(panel, new KpiEngine(), RegionCode.National, asOfYear: null);
        var rows = JsonDocument.Parse(body).RootElement.EnumerateArray().ToArray();
        Assert.Equal(expected.Count, rows.Length);
        foreach (var (row, outlook) in rows.Zip(expected))
        {
            Assert.Equal((outlook.Kpi, outlook.Track, outlook.Deadline), (row.GetProperty("kpi").GetString(), row.GetProperty("track").GetString(), row.GetProperty("deadline").GetInt32()));
            Assert.Equal(outlook.Probability, row.GetProperty("probability").GetDouble());
            Assert.InRange(outlook.Probability, 0, 1);
        }

        var (peakStatus, peak) = await GetAsync(http, "/api/outlook/peak?region=CN");
        Assert.Equal(HttpStatusCode.OK, peakStatus);
        var peakRow = JsonDocument.Parse(peak).RootElement;
        Assert.InRange(peakRow.GetProperty("probabilityPeaked").GetDouble(), 0, 1);
        Assert.Equal(1, peakRow.GetProperty("peakYearDistribution").EnumerateArray().Sum(p => p.GetProperty("probability").GetDouble()), 9);

        var (backtestStatus, backtest) = await GetAsync(http, "/api/outlook/backtest");
        Assert.Equal(HttpStatusCode.OK, backtestStatus);
        var report = JsonDocument.Parse(backtest).RootElement;
        Assert.Equal(6, report.GetProperty("rows").GetArrayLength());
        Assert.InRange(report.GetProperty("modelBrier").GetDouble(), 0, 1);

        var (scenarioStatus, scenario) = await GetAsync(http, "/api/scenarios?region=CN&solve=nonfossil-points&for=nonfossil_share");
        Assert.Equal(HttpStatusCode.OK, scenarioStatus);
        var solve = JsonDocument.Parse(scenario).RootElement.GetProperty("solve");
        Assert.Equal(solve.GetProperty("target").GetDouble(), solve.GetProperty("achieved").GetDouble(), 6);
        var probabilities = JsonDocument.Parse(scenario).RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("probability").ValueKind == JsonValueKind.Number).ToArray();
        Assert.Contains(probabilities, r => r.GetProperty("kpi").GetString() == "nonfossil_share" && r.GetProperty("year").GetInt32() == 2025);
        Assert.All(probabilities, r => Assert.InRange(r.GetProperty("probability").GetDouble(), 0, 1));
        Assert.All(probabilities, r => Assert.Equal(r.GetProperty("targetYear").GetInt32(), r.GetProperty("year").GetInt32()));

        var (overviewStatus, overview) = await GetAsync(http, "/");
        Assert.Equal(HttpStatusCode.OK, overviewStatus);
        Assert.Contains("data-field=\"probability\"", overview, StringComparison.Ordinal);
        Assert.Contains("达标概率", overview, StringComparison.Ordinal);
        Assert.Contains("fan-base-outer", overview, StringComparison.Ordinal);

        var (methodologyStatus, methodology) = await GetAsync(http, "/methodology");
        Assert.Equal(HttpStatusCode.OK, methodologyStatus);
        Assert.Contains("id=\"backtest\"", methodology, StringComparison.Ordinal);
        Assert.Equal(6, methodology.Split("<tr data-plan=", StringSplitOptions.None).Length - 1);
        Assert.Contains("data-field=\"naive-brier\"", methodology, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/outlook?region=99", "region")]
    [InlineData("/api/outlook?kpi=nope", "kpi")]
    [InlineData("/api/scenarios?gdp-growth=abc", "gdp-growth")]
    [InlineData("/api/scenarios?gdp-growth=99", "gdp-growth")]
    [InlineData("/api/scenarios?solve=rain&for=nonfossil_share", "solve")]
    public async Task Outlook_BadParameter_400NamingIt(string url, string parameter)
    {
        var database = (await influxd.NewDatabaseAsync()).Database;
        await using var factory = new PeakMonitorWebFactory(influxd.Url, database, Settings);
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var (status, body) = await GetAsync(http, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out _), body);
    }
}

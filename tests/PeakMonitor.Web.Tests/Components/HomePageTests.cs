using System.Net;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Storage;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class HomePageTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private async Task<string> DatabaseWithTwoObservationsAsync()
    {
        var client = await influxd.NewDatabaseAsync();
        var wind = IndicatorId.Parse("cap_wind");
        await new InfluxTimeSeriesStore(client).WriteAsync(
            [new Observation(wind, RegionCode.Parse("15"), SectorId.All, Period.OfYear(2023), 7000), new Observation(wind, RegionCode.National, SectorId.All, Period.OfYear(2023), 44134)],
            CancellationToken.None);
        return client.Database;
    }

    [Fact]
    public async Task Get_Root_ChineseFirstPageWithCountsFromStore()
    {
        await using var factory = new PeakMonitorWebFactory(influxd.Url, await DatabaseWithTwoObservationsAsync());
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>碳达峰监测平台 PeakMonitor</title>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"observation-count\">2</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Healthz_OkWithServerAndDatabase()
    {
        var database = await DatabaseWithTwoObservationsAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, database);
        using var http = factory.CreateClient();

        var body = await http.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Contains("\"status\":\"ok\"", body, StringComparison.Ordinal);
        Assert.Contains(database, body, StringComparison.Ordinal);
        Assert.Contains("\"observations\":2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_InvalidInfluxSettings_FailsListingEveryProblem()
    {
        await using var factory = new PeakMonitorWebFactory(influxd.Url, "bad name", new Dictionary<string, string?> { ["Influx:BatchSize"] = "0" });

        var ex = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(ex.Failures, f => f.Contains("Influx:Database", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Influx:BatchSize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_UnknownRoute_404()
    {
        await using var factory = new PeakMonitorWebFactory(influxd.Url, await DatabaseWithTwoObservationsAsync());
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/no/such/page?x=<script>", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Browser_Root_RendersInChromiumWithChineseTitle()
    {
        await using var factory = new PeakMonitorWebFactory(influxd.Url, await DatabaseWithTwoObservationsAsync());
        var url = factory.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                var response = await page.GotoAsync(url.ToString());

                Assert.Equal(200, response!.Status);
                Assert.Equal("碳达峰监测平台 PeakMonitor", await page.TitleAsync());
                Assert.Equal("2", await page.Locator("#observation-count").InnerTextAsync());
                Assert.Equal("rgb(11, 110, 79)", await page.Locator(".topbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
                await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("home.png"), FullPage = true });
            }
        }
    }
}

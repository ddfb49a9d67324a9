using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PeakMonitor.Accounts;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Web.Tests.Shared;
using SkiaSharp;

namespace PeakMonitor.Web.Tests.Api;

/// <summary><c>/api/charts/{chart}.png|.svg</c> over the seed data in a real influxd: images of the asked size with the series in them, the API's access rules, clear refusals, ETags.</summary>
public sealed partial class ChartEndpointsTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [GeneratedRegex("""<pre id="new-token">(pmt_[A-Za-z0-9_-]+)</pre>""")]
    private static partial Regex NewTokenPattern();

    [GeneratedRegex("""href="(/api/charts/trajectory\.png\?[^"]+)" download""")]
    private static partial Regex DownloadLinkPattern();

    private static int CountNear(SKBitmap bitmap, string hex, int tolerance = 24)
    {
        var c = SKColor.Parse(hex);
        var n = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - c.Red) <= tolerance && Math.Abs(p.Green - c.Green) <= tolerance && Math.Abs(p.Blue - c.Blue) <= tolerance)
                {
                    n++;
                }
            }
        }

        return n;
    }

    [Fact]
    public async Task GetChart_TrajectoryPngAsViewer_ImageOfThatSizeWithTheActualLine()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);

        using var response = await viewer.GetAsync(new Uri("/api/charts/trajectory.png?kpi=nonfossil_share&region=CN&lang=zh&width=900&height=450", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(900, bitmap.Width);
        Assert.Equal(450, bitmap.Height);
        Assert.True(CountNear(bitmap, ChartModels.ActualColor) > 200, "the actual values are drawn");
    }

    /// <summary>
    /// The image draws the fan the page draws: the outlook as of its latest year, on the chart of that year;
    /// the chart of the year before has none (it would show data the year did not have).
    /// </summary>
    [Fact]
    public async Task GetChart_TrajectoryOfTheOutlooksYear_FanBandsDrawnAndNoneTheYearBefore()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);
        var outlook = new Domain.Outlook.OutlookModel().Evaluate(Domain.Kpis.IndicatorPanel.From(seeded.Observations), new Domain.Kpis.KpiEngine(), Domain.Regions.RegionCode.National, asOfYear: null)
            .Single(o => o.Kpi == "nonfossil_share" && o.Track == "main");

        async Task<SKBitmap> ImageAsync(int year)
        {
            using var response = await viewer.GetAsync(new Uri($"/api/charts/trajectory.png?kpi=nonfossil_share&region=CN&lang=zh&width=1600&height=800&year={year}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        }

        using var fan = await ImageAsync(outlook.AsOfYear);
        using var before = await ImageAsync(outlook.AsOfYear - 1);

        // The 10–90% band alone: the projection colour at 12% over white (a large image: the seed data's fan spans a single year).
        var c = SKColor.Parse(ChartModels.ProjectionColor);
        string Mix(byte v) => ((int)Math.Round((v * 0.12) + (255 * 0.88))).ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
        var outer = $"#{Mix(c.Red)}{Mix(c.Green)}{Mix(c.Blue)}";
        Assert.True(CountNear(fan, outer, 6) > 500, $"the fan is drawn on the outlook's year ({outlook.AsOfYear}–{outlook.Deadline}): {CountNear(fan, outer, 6)} pixels of {outer}; year before {CountNear(before, outer, 6)}");
        Assert.True(CountNear(before, outer, 6) < 50, "no fan on an earlier year's chart");
        Assert.True(CountNear(fan, ChartModels.ActualColor) > 200, "the actual values are drawn over it");
    }

    [Fact]
    public async Task GetChart_SvgRankingAndSectors_ChineseLabelsInTheImage()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);

        var ranking = await viewer.GetStringAsync(new Uri($"/api/charts/ranking.svg?kpi=nonfossil_share&year={seeded.PageYear}&lang=zh", UriKind.Relative));
        var sectors = await viewer.GetStringAsync(new Uri("/api/charts/sectors.svg?region=CN&indicator=energy_total&lang=zh", UriKind.Relative));
        var english = await viewer.GetStringAsync(new Uri("/api/charts/sectors.svg?region=CN&indicator=energy_total&lang=en", UriKind.Relative));

        Assert.Contains("广东", ranking, StringComparison.Ordinal);
        Assert.Contains(ChartImages.FontFamily, ranking, StringComparison.Ordinal);
        Assert.Contains("工业", sectors, StringComparison.Ordinal);
        Assert.Contains("Industry", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChart_ApiToken_ImageServed()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);
        using var created = await PeakMonitorWebFactory.SubmitFormAsync(viewer, "/account", "create-token", new Dictionary<string, string> { ["TokenName"] = "word embed" });
        var token = NewTokenPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        using var api = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var withToken = await api.GetAsync(new Uri("/api/charts/trajectory.png?kpi=energy_intensity_reduction", UriKind.Relative));
        using var without = await anonymous.GetAsync(new Uri("/api/charts/trajectory.png?kpi=energy_intensity_reduction", UriKind.Relative));

        Assert.StartsWith("pmt_", token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal("image/png", withToken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
    }

    [Theory]
    [InlineData("/api/charts/pie.png?kpi=nonfossil_share", HttpStatusCode.NotFound, "trajectory.png")]
    [InlineData("/api/charts/trajectory.gif?kpi=nonfossil_share", HttpStatusCode.NotFound, "trajectory.png")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share&width=100000", HttpStatusCode.BadRequest, "width must be a whole number of pixels from 200 to 4000")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share&height=-5", HttpStatusCode.BadRequest, "height must be")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share&width=1e9", HttpStatusCode.BadRequest, "width must be")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share&region=99", HttpStatusCode.BadRequest, "'99' is not a region code")]
    [InlineData("/api/charts/trajectory.png?kpi=%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.BadRequest, "is not a computed KPI")]
    [InlineData("/api/charts/trajectory.png", HttpStatusCode.BadRequest, "kpi is required")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share:nosuch", HttpStatusCode.BadRequest, "no such track")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share&lang=fr", HttpStatusCode.BadRequest, "is not a language")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share&year=1800", HttpStatusCode.BadRequest, "is not")]
    [InlineData("/api/charts/trajectory.png?kpi=nonfossil_share&year=2099", HttpStatusCode.NotFound, "No results for that year")]
    [InlineData("/api/charts/sectors.png?indicator=cap_wind", HttpStatusCode.BadRequest, "is not a sector indicator")]
    public async Task GetChart_HostileOrWrongInput_ClearProblem(string url, HttpStatusCode status, string words)
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);

        using var response = await viewer.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(words, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChart_SameRequestWithItsETag_NotModified()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);
        var url = new Uri("/api/charts/trajectory.png?kpi=wind_solar_capacity&region=CN&lang=en", UriKind.Relative);

        using var first = await viewer.GetAsync(url);
        using var second = await viewer.GetAsync(url);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await viewer.SendAsync(conditional);

        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task GetOverview_EveryTrajectory_HasADownloadLinkThatServesAnImage()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);

        var html = await viewer.GetStringAsync(new Uri("/", UriKind.Relative));
        var links = DownloadLinkPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
        var trajectories = Regex.Matches(html, "id=\"trajectory-[^\"]+-option\"").Count;
        using var image = await viewer.GetAsync(new Uri(links[0], UriKind.Relative));

        Assert.True(trajectories > 0);
        Assert.Equal(trajectories, links.Length);
        Assert.Contains("下载图片", html, StringComparison.Ordinal);
        Assert.Contains($"year={seeded.PageYear}", links[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/provinces?kpi=nonfossil_share", "ranking-chart", "/api/charts/ranking.png?")]
    [InlineData("/sectors?region=CN&sector=all", "sectors-energy_total", "/api/charts/sectors.png?")]
    [InlineData("/provinces/44", "trajectory-nonfossil_share-main", "/api/charts/trajectory.png?")]
    public async Task GetPage_Chart_DownloadLinkServesThatChart(string page, string chartId, string linkStart)
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);

        var html = await viewer.GetStringAsync(new Uri(page, UriKind.Relative));
        var figure = html[html.IndexOf($"id=\"{chartId}\"", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
        var href = Regex.Match(figure, "href=\"([^\"]+)\" download data-chart-image").Groups[1].Value;
        using var image = await viewer.GetAsync(new Uri(WebUtility.HtmlDecode(href), UriKind.Relative));

        Assert.StartsWith(linkStart, WebUtility.HtmlDecode(href), StringComparison.Ordinal);
        Assert.Contains("下载图片", figure, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetOpenApi_Document_DescribesTheChartImages()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);

        var document = await viewer.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/charts/{file}", document, StringComparison.Ordinal);
        Assert.Contains("image/png", document, StringComparison.Ordinal);
    }
}

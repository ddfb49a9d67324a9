using System.Net;
using System.Text.RegularExpressions;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed partial class OverviewPageTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    private static string Card(string html, string kpi, string track)
    {
        var start = html.IndexOf($"id=\"card-{kpi}-{track}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"card {kpi}/{track}");
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string Field(string card, string field) => FieldPattern(field).Match(card).Groups[1].Value;

    [Theory]
    [InlineData("nonfossil_share", "main")]
    [InlineData("carbon_intensity_reduction", "vs2005")]
    [InlineData("carbon_intensity_reduction", "vs2020")]
    [InlineData("wind_solar_capacity", "main")]
    [InlineData("energy_intensity_reduction", "main")]
    public async Task Get_Root_CardNumbersEqualTheEngine(string kpi, string track)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        var card = Card(html, kpi, track);
        var expected = seeded.At(kpi, track, "CN");
        Assert.Equal(2024, seeded.PageYear);
        var lang = new PeakMonitor.Reports.Localization.UiLanguage();
        var decimals = KpiCatalog.Get(kpi).Unit == "GW" ? 0 : 2;
        Assert.Equal(lang.Num(expected.Value, decimals), Field(card, "value"));
        Assert.Equal(PeakMonitor.Web.Dashboard.KpiFormat.Progress(expected.Progress, lang), System.Net.WebUtility.HtmlDecode(Field(card, "progress")));
        Assert.Contains($"data-status=\"{expected.Status!.Value.Id()}\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Root_ProvinceStatusCountsAddUpTo31()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        var counts = CountPattern().Matches(Card(html, "nonfossil_share", "main")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(31, counts.Sum());
    }

    [Fact]
    public async Task Get_Root_ChineseByDefaultWithSourcesChartsAndSyntheticBadge()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("全国总览", html, StringComparison.Ordinal);
        Assert.Contains("来源: ", html, StringComparison.Ordinal);
        Assert.Contains("NBS Statistical Communiqu", html, StringComparison.Ordinal);
        Assert.Contains("badge-synthetic", html, StringComparison.Ordinal);
        Assert.Contains("id=\"trajectory-nonfossil_share-main-option\"", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<details class=\"chart-table\">").Length - 1);
        Assert.Contains("<script src=\"_framework/blazor.web.js\"></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BlazorScriptAndFavicon_ServedWithoutSignIn()
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var script = await http.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));
        using var icon = await http.GetAsync(new Uri("/favicon.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 50_000, "the whole script, not a stub");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LanguageSwitch_English_PersistsInCookie()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var switched = await http.GetStringAsync(new Uri("/lang/en?returnUrl=%2Fprovinces", UriKind.Relative));
        var again = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"en\">", switched, StringComparison.Ordinal);
        Assert.Contains("Provincial progress", switched, StringComparison.Ordinal);
        Assert.Contains("National overview", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task LanguageSwitch_ForeignReturnUrl_StaysOnSite(string returnUrl)
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/lang/en?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_Root_StoreDown_503WithoutStackTrace()
    {
        var server = new InfluxServerFixture();
        await server.InitializeAsync();
        var client = await server.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(server.Url, client.Database);
        factory.CreateClient().Dispose();
        await server.DisposeAsync();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("数据存储暂不可用", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Root_EmptyStore_EmptyState()
    {
        await using var factory = new PeakMonitorWebFactory(seeded.Server.Url, (await seeded.Server.NewDatabaseAsync()).Database);
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("id=\"empty-state\"", html, StringComparison.Ordinal);
    }


    [Fact]
    public async Task Get_Root_OneYearOnThePage_SaidOnTheCardsAndTheProvinceCounts()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        // National official data are complete through 2024; 2025 has a capacity release and synthetic provinces only.
        Assert.Contains("data-year=\"2024\">数据年份：2024年", html, StringComparison.Ordinal);
        var cards = Regex.Matches(html, "<article class=\"card kpi-card\"[^>]*>").Select(m => m.Value).ToArray();
        Assert.Equal(KpiCatalog.Computable.Sum(k => k.Targets.Where(t => t.Graded).Select(t => t.Track).Distinct().Count()), cards.Length);
        Assert.All(cards, c => Assert.Contains("data-year=\"2024\"", c, StringComparison.Ordinal));
        Assert.Contains("各省（2024年）：", Card(html, "wind_solar_capacity", "main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Root_PeakCard_SentenceInThePageLanguageWithTheLatestYear()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var zh = Card(await http.GetStringAsync(new Uri("/", UriKind.Relative)), "co2_peak", "main");
        await http.GetStringAsync(new Uri("/lang/en?returnUrl=%2F", UriKind.Relative));
        var en = Card(await http.GetStringAsync(new Uri("/", UriKind.Relative)), "co2_peak", "main");

        // Not "无数据 — 年" with an English note: the CO2 series exists, the card says where it stands.
        Assert.Contains("截至2024年", Field(zh, "peak"), StringComparison.Ordinal);
        Assert.DoesNotContain("not yet peaked", zh, StringComparison.Ordinal);
        Assert.Contains("as of 2024", Field(en, "peak"), StringComparison.Ordinal);
        Assert.Contains("never a veto", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Root_EnergyIntensityCard_DefinitionInForceWithTheGrossAndPublishedTracksBeside()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var card = Card(await http.GetStringAsync(new Uri("/", UriKind.Relative)), "energy_intensity_reduction", "main");

        var lang = new PeakMonitor.Reports.Localization.UiLanguage();
        Assert.Equal("11.60", Field(card, "value"));
        Assert.Contains("data-badge=\"official\"", card, StringComparison.Ordinal);
        Assert.Contains("data-track=\"gross\"", card, StringComparison.Ordinal);
        Assert.Contains(lang.Num(seeded.At("energy_intensity_reduction", KpiTracks.Gross, "CN").Value, 2), card, StringComparison.Ordinal);
        Assert.Contains("data-track=\"official\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Root_UnverifiedNationalFigures_BadgeShown()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var card = Card(await http.GetStringAsync(new Uri("/", UriKind.Relative)), "nonfossil_share", "main");

        Assert.Contains("data-badge=\"unverified\"", card, StringComparison.Ordinal);
        Assert.Contains("待核实", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Root_YearWithoutData_CardSaysSoAndGivesTheLatest()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var card = Card(await http.GetStringAsync(new Uri("/?year=2025", UriKind.Relative)), "nonfossil_share", "main");

        Assert.Contains("2025年无数据；最近一期为2024年：19.80", card, StringComparison.Ordinal);
    }

    private static Regex FieldPattern(string field) => new($"data-field=\"{field}\">([^<]*)<");

    [GeneratedRegex(@"class=""count [a-z-]+""><span aria-hidden=""true"">[^<]*</span> [^<]*? (\d+)</span>")]
    private static partial Regex CountPattern();
    [Fact]
    public async Task Get_Root_TrajectoryChartsMarkThePolicyEventsOfTheEventsFile()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        var start = html.IndexOf("id=\"trajectory-nonfossil_share-main-option\">", StringComparison.Ordinal);
        var option = System.Text.Json.JsonDocument.Parse(html[(html.IndexOf('>', start) + 1)..html.IndexOf("</script>", start, StringComparison.Ordinal)]);
        var markers = option.RootElement.GetProperty("series").EnumerateArray().Last();
        var labels = markers.GetProperty("markLine").GetProperty("data").EnumerateArray().Select(l => l.GetProperty("label").GetProperty("formatter").GetString()).ToArray();
        Assert.Contains("2020-09", labels);
        Assert.Contains(labels, l => l!.Contains("2022-10", StringComparison.Ordinal));
    }

}

public sealed class StoreOutageTests
{
    [Fact]
    public async Task Pages_StoreDownThenBack_503ThenRecoverWithoutRestart()
    {
        var server = new InfluxServerFixture();
        await server.InitializeAsync();
        try
        {
            var client = await server.NewDatabaseAsync();
            await new PeakMonitor.Influx.Storage.InfluxTimeSeriesStore(client).WriteAsync(
                [new PeakMonitor.Domain.Series.Observation(PeakMonitor.Domain.Indicators.IndicatorId.Parse("cap_wind"), PeakMonitor.Domain.Regions.RegionCode.National, PeakMonitor.Domain.Indicators.SectorId.All, PeakMonitor.Domain.Series.Period.OfYear(2023), 44134)],
                CancellationToken.None);
            await using var factory = new PeakMonitorWebFactory(server.Url, client.Database);
            factory.CreateClient().Dispose();
            await server.StopAsync();
            using var http = await factory.CreateSignedInClientAsync();

            using var down = await http.GetAsync(new Uri("/provinces", UriKind.Relative));
            using var apiDown = await http.GetAsync(new Uri("/api/kpis?region=CN", UriKind.Relative));
            await server.StartAsync();
            using var back = await http.GetAsync(new Uri("/provinces", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, apiDown.StatusCode);
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
            Assert.Contains("id=\"ranking\"", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

using System.Globalization;
using System.Net;
using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class DecompositionPageTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    private static string Signed(double value) => (value > 0 ? "+" : string.Empty) + value.ToString("N1", Zh);

    /// <summary>The table row starting with the marker, entities decoded (Razor writes + as &amp;#x2B;).</summary>
    private static string Row(string html, string marker)
    {
        var start = html[html.IndexOf(marker, StringComparison.Ordinal)..];
        return WebUtility.HtmlDecode(start[..start.IndexOf("</tr>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Get_Decomposition_NationDefaults_PlanBaseYearToLatestWithTheDomainsEffects()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var html = await http.GetStringAsync(new Uri("/decomposition", UriKind.Relative));

        var panel = IndicatorPanel.From(seeded.Observations);
        var expected = LmdiDecomposition.Of(panel, RegionCode.National, 2020, 2024);
        foreach (var effect in KayaEffects.All)
        {
            var row = Row(html, $"<tr data-effect=\"{effect.Id()}\"");
            Assert.True(row.Contains($"data-field=\"value\">{Signed(expected.Effect(effect))}<", StringComparison.Ordinal), row);
        }

        Assert.Contains($"data-field=\"value\">{Signed(expected.Total)}<", Row(html, "<tr data-row=\"total\""), StringComparison.Ordinal);
        Assert.Contains("<option value=\"2020\" selected>2020</option>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decomposition-waterfall-option\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decomposition-chained-option\"", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<tr data-step=", StringSplitOptions.None).Length - 1);
        Assert.Contains("data-badge=\"unverified\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-badge=\"synthetic\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/decomposition\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Decomposition_Province_SyntheticBadgeAndChainedSums()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var html = await http.GetStringAsync(new Uri("/decomposition?region=44&from=2010&to=2020", UriKind.Relative));

        var chain = LmdiChain.Of(IndicatorPanel.From(seeded.Observations), RegionCode.Parse("44"), 2010, 2020);
        Assert.Contains("data-badge=\"synthetic\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-effect=\"energy_intensity\">{Signed(chain.Effect(KayaEffect.EnergyIntensity))}<", Row(html, "<tr data-row=\"chained-sum\""), StringComparison.Ordinal);
        Assert.Equal(10, html.Split("<tr data-step=", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public async Task Get_Decomposition_English_EffectNamesTranslated()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);
        http.DefaultRequestHeaders.Add("Cookie", "pm-lang=en");

        var html = await http.GetStringAsync(new Uri("/decomposition?region=CN&from=2005&to=2024", UriKind.Relative));

        Assert.Contains("What drove the change in energy CO2", html, StringComparison.Ordinal);
        Assert.Contains("Energy intensity of GDP", html, StringComparison.Ordinal);
        Assert.Contains("Year by year (chained)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("人口规模", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Decomposition_EndBeforeStart_SaysSoNoChart()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var html = await http.GetStringAsync(new Uri("/decomposition?region=CN&from=2020&to=2010", UriKind.Relative));

        Assert.Contains("id=\"decomposition-error\"", html, StringComparison.Ordinal);
        Assert.Contains("截止年（2010）须晚于起始年（2020）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decomposition-waterfall\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Decomposition_YearWithoutData_ErrorNamesRegionYearAndIndicator()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var html = await http.GetStringAsync(new Uri("/decomposition?region=CN&from=2020&to=2025", UriKind.Relative));

        Assert.Contains("id=\"decomposition-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Region CN", html, StringComparison.Ordinal);
        Assert.Contains("2025: energy_total", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/decomposition?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&from=2005&to=2020")]
    [InlineData("/decomposition?region=99&from=x%27%20OR%201%3D1&to=99999999999")]
    [InlineData("/decomposition?from=-2020&to=1800")]
    public async Task Get_Decomposition_HostileQuery_DefaultsNo500(string url)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("OR 1=1", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decomposition-waterfall\"", html, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class SectorsPageTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [Fact]
    public async Task Get_Sectors_NationTopLevelSectorsWithStoredValues()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/sectors?region=CN&sector=all", UriKind.Relative));

        var latest = seeded.Observations.Where(o => o.Region.Value == "CN" && o.Indicator.Value == "energy_total" && o.Sector.Value == "industry").MaxBy(o => o.Period)!;
        var row = html[html.IndexOf("<tr data-sector=\"industry\"", StringComparison.Ordinal)..];
        Assert.Contains($"data-field=\"value\">{latest.Value.ToString("N1", CultureInfo.GetCultureInfo("zh-CN"))}<", row, StringComparison.Ordinal);
        Assert.Contains("href=\"/sectors?region=CN&amp;sector=industry\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sectors-energy_total-option\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Sectors_DrillIntoIndustryOfAProvince_KeepsBothFilters()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/sectors?region=13&sector=industry", UriKind.Relative));

        Assert.Contains("<tr data-sector=\"industry.steel\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-sector=\"power\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sectors?region=44&amp;sector=industry\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"breadcrumbs\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sectors?region=%3Cscript%3E&sector=x%27%20OR%201%3D1")]
    [InlineData("/sectors?region=99&sector=industry.steel")]
    public async Task Get_Sectors_HostileQuery_DefaultsNo500(string url)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Storage;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

/// <summary>The date pickers and asOf= over real vintages: wind + solar 2023 first 800 GW nationally (80 GW in 44), revised to 900 (90) GW on 2024-06-30.</summary>
public sealed partial class AsOfPageTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dashboard:CacheDuration"] = "00:00:00" };

    private Task<PeakMonitorWebFactory> RevisedAsync() => RevisedAsync(influxd, Settings);

    /// <summary>A store with the revision, and the app over it (also for the browser test).</summary>
    internal static async Task<PeakMonitorWebFactory> RevisedAsync(InfluxServerFixture influxd, IReadOnlyDictionary<string, string?> settings)
    {
        var client = await influxd.NewDatabaseAsync();
        Observation At(string region, string indicator, double value, string source, DateOnly published) =>
            new(IndicatorId.Parse(indicator), RegionCode.Parse(region), SectorId.All, Period.OfYear(2023), value, source) { Published = published };
        var first = new DateOnly(2024, 1, 31);
        var revised = new DateOnly(2024, 6, 30);
        await new InfluxTimeSeriesStore(client).WriteAsync(
        [
            At("CN", "cap_wind", 30000, "NEA first release", first), At("CN", "cap_solar", 50000, "NEA first release", first),
            At("44", "cap_wind", 3000, "GD first release", first), At("44", "cap_solar", 5000, "GD first release", first),
        ], CancellationToken.None);
        await new InfluxTimeSeriesStore(client).WriteAsync(
            [At("CN", "cap_solar", 60000, "NEA revised", revised), At("44", "cap_solar", 6000, "GD revised", revised)],
            CancellationToken.None);
        return new PeakMonitorWebFactory(influxd.Url, client.Database, settings);
    }

    private static string CardValue(string html)
    {
        var start = html.IndexOf("id=\"card-wind_solar_capacity-main\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "wind and solar card");
        return ValuePattern().Match(html, start).Groups[1].Value.Trim();
    }

    private static string ScorecardValue(string html)
    {
        var start = html.IndexOf("data-kpi=\"wind_solar_capacity\" data-track=\"main\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "wind and solar scorecard row");
        return ValuePattern().Match(html, start).Groups[1].Value.Trim();
    }

    [Theory]
    [InlineData("/?asOf=2024-06-29", "800")]
    [InlineData("/?year=2023&asOf=2024-06-30", "900")]
    [InlineData("/", "900")]
    public async Task GetOverview_DatePicked_CardAsPublishedThen(string url, string gigawatts)
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(gigawatts, CardValue(html));
    }

    [Fact]
    public async Task GetOverview_AsOf_SaysSoInTheNoteAndKeepsTheDateInThePicker()
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/?asOf=2024-06-29", UriKind.Relative));
        var latest = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        await http.GetStringAsync(new Uri("/lang/en?returnUrl=%2F", UriKind.Relative));
        var english = await http.GetStringAsync(new Uri("/?asOf=2024-06-29", UriKind.Relative));

        Assert.Contains("数据截至 2024-06-29 发布", html, StringComparison.Ordinal);
        Assert.Matches("<form method=\"get\"[^>]*id=\"year-form\"[\\s\\S]*?<input type=\"date\" name=\"asOf\" id=\"as-of\" value=\"2024-06-29\"", html);
        Assert.Contains("href=\"/?year=2023\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"as-of-note\"", latest, StringComparison.Ordinal);
        Assert.Contains("name=\"asOf\" id=\"as-of\" value=\"\"", latest, StringComparison.Ordinal);
        Assert.Contains("Data as published on or before 2024-06-29", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/provinces/44?asOf=2024-06-29", "80.00")]
    [InlineData("/provinces/44?asOf=2024-06-30", "90.00")]
    [InlineData("/provinces/44", "90.00")]
    public async Task GetProvince_DatePicked_ScorecardAsPublishedThen(string url, string gigawatts)
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(gigawatts, ScorecardValue(html));
        Assert.Equal(url.Contains("asOf", StringComparison.Ordinal), html.Contains("id=\"as-of-note\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetProvince_AsOfBeforeTheRevision_BasicDataShowTheFirstRelease()
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();

        var before = await http.GetStringAsync(new Uri("/provinces/44?asOf=2024-06-29", UriKind.Relative));
        var after = await http.GetStringAsync(new Uri("/provinces/44", UriKind.Relative));

        Assert.Contains("GD first release", before, StringComparison.Ordinal);
        Assert.DoesNotContain("GD revised", before, StringComparison.Ordinal);
        Assert.Contains("GD revised", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?asOf=2024-13-01")]
    [InlineData("/?asOf=2999-01-01")]
    [InlineData("/provinces/44?asOf=%3Cscript%3E")]
    public async Task GetPage_BadAsOf_SaysSoAndShowsTheLatest(string url)
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri(url, UriKind.Relative));

        Assert.Contains("id=\"as-of-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(url.StartsWith("/provinces", StringComparison.Ordinal) ? "90.00" : "900", url.StartsWith("/provinces", StringComparison.Ordinal) ? ScorecardValue(html) : CardValue(html));
    }

    [Theory]
    [InlineData("/api/kpis?kpi=wind_solar_capacity&region=CN&year=2023&asOf=2024-06-29", 800)]
    [InlineData("/api/kpis?kpi=wind_solar_capacity&region=CN&year=2023&asOf=2024-06-30", 900)]
    [InlineData("/api/kpis?kpi=wind_solar_capacity&region=CN&year=2023", 900)]
    public async Task GetKpis_AsOf_ValueAsPublishedThen(string url, double gigawatts)
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, UriKind.Relative)));

        var row = json.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(gigawatts, row.GetProperty("value").GetDouble(), 9);
    }

    [Theory]
    [InlineData("2024-06-29", 50000, "2024-01-31")]
    [InlineData("2024-06-30", 60000, "2024-06-30")]
    [InlineData(null, 60000, "2024-06-30")]
    public async Task GetSeries_AsOf_ValueAndPublishedDateAsThen(string? asOf, double value, string published)
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var url = "/api/series?indicator=cap_solar&region=CN" + (asOf is null ? string.Empty : "&asOf=" + asOf);
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, UriKind.Relative)));

        var row = json.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((value, published), (row.GetProperty("value").GetDouble(), row.GetProperty("published").GetString()));
    }

    [Theory]
    [InlineData("/api/kpis?asOf=2024-6-30")]
    [InlineData("/api/kpis?asOf=2999-01-01")]
    [InlineData("/api/kpis?asOf=1900-01-01")]
    [InlineData("/api/series?indicator=cap_solar&asOf=yesterday")]
    [InlineData("/api/series?indicator=cap_solar&asOf=%27%3B%20DROP%20DATABASE%20x")]
    public async Task GetApi_BadAsOf_400ProblemNamingTheParameter(string url)
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("asOf", out _), body);
        Assert.DoesNotContain("DROP", body, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-field=\"value\">([^<]*)<")]
    private static partial Regex ValuePattern();
}

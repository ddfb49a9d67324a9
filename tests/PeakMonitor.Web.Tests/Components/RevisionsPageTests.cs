using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Storage;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class RevisionsPageTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dashboard:CacheDuration"] = "00:00:00" };

    /// <summary>Non-fossil share 2023 first 18.0% (198 / 1100), revised to 20.9% (230 / 1100) on 2024-12-27: the ≈20% target met early.</summary>
    private async Task<PeakMonitorWebFactory> RevisedAsync()
    {
        var client = await influxd.NewDatabaseAsync();
        Observation At(string indicator, int year, double value, string source, DateOnly published) =>
            new(IndicatorId.Parse(indicator), RegionCode.National, SectorId.All, Period.OfYear(year), value, source) { Published = published };
        var store = new InfluxTimeSeriesStore(client);
        await store.WriteAsync(
        [
            At("energy_total", 2020, 1000, "communiqué 2020", new DateOnly(2021, 2, 28)), At("energy_nonfossil", 2020, 159, "communiqué 2020", new DateOnly(2021, 2, 28)),
            At("energy_total", 2023, 1100, "communiqué 2023", new DateOnly(2024, 2, 29)), At("energy_nonfossil", 2023, 198, "communiqué 2023", new DateOnly(2024, 2, 29)),
        ], CancellationToken.None);
        await store.WriteAsync([At("energy_nonfossil", 2023, 230, "yearbook 2024", new DateOnly(2024, 12, 27))], CancellationToken.None);
        return new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
    }

    [Fact]
    public async Task Get_Revisions_RowWithOldNewDatesSourceAndFlippedStatus()
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/revisions?region=CN", UriKind.Relative));

        var start = html.IndexOf("data-indicator=\"energy_nonfossil\" data-period=\"2023\" data-published=\"2024-12-27\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "revision row");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        Assert.Contains("data-field=\"old\">198.0<", row, StringComparison.Ordinal);
        Assert.Contains("data-field=\"new\">230.0<", row, StringComparison.Ordinal);
        Assert.Contains("data-field=\"old-published\">2024-02-29<", row, StringComparison.Ordinal);
        Assert.Contains("yearbook 2024", row, StringComparison.Ordinal);
        Assert.Matches("data-kpi=\"nonfossil_share\" data-track=\"main\" data-year=\"2023\" data-before=\"(?!achieved_early)[a-z_]+\" data-after=\"achieved_early\"", row);
        Assert.Contains("数据修订", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/revisions\">数据修订</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RevisionsOfAnotherIndicator_NoneAndTheFormKeepsTheChoice()
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();
        await http.GetStringAsync(new Uri("/lang/en?returnUrl=%2F", UriKind.Relative));

        var html = await http.GetStringAsync(new Uri("/revisions?region=CN&indicator=energy_total", UriKind.Relative));

        Assert.Contains("No revisions of the selected region and indicator.", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"energy_total\" selected", html, StringComparison.Ordinal);
        Assert.Contains("Data revisions", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RevisionsBadRegion_SaysSoAndShowsTheNation()
    {
        await using var factory = await RevisedAsync();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/revisions?region=%3Cscript%3E", UriKind.Relative));

        Assert.Contains("id=\"revisions-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"energy_nonfossil\"", html, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Api;

public sealed class ApiTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    /// <summary>No snapshot reuse, and national targets everywhere (the test computes the expected values without a targets file).</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Dashboard:CacheDuration"] = "00:00:00",
        ["Kpi:ProvincialTargetsFile"] = "",
    };

    /// <summary>A fresh database holding the repository's national seed file (public sources), and what was written.</summary>
    private async Task<(InfluxClient Client, IReadOnlyList<Observation> Observations)> NationalSeedAsync()
    {
        var client = await influxd.NewDatabaseAsync();
        var observations = (await CanonicalCsvReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "national-cn.csv"), CancellationToken.None)).Observations;
        await new InfluxTimeSeriesStore(client).WriteAsync(observations, CancellationToken.None);
        return (client, observations);
    }

    private static async Task<(HttpStatusCode Status, string ContentType, string Body)> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, await response.Content.ReadAsStringAsync());
    }

    private static double? Number(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();

    private static string? Text(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetString();

    private static void Close(double? expected, double? actual, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: expected {expected}, got {actual}");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{what}: expected {e}, got {a}");
        }
    }

    [Fact]
    public async Task GetKpis_NationalSeed_EqualTheEngineComputedIndependently()
    {
        var (client, observations) = await NationalSeedAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();

        var (status, contentType, body) = await GetAsync(http, "/api/kpis?region=CN");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        var inputs = KpiCatalog.Computable.SelectMany(k => k.Inputs).ToHashSet();
        var panel = IndicatorPanel.From(observations.Where(o => inputs.Contains(o.Indicator)));
        var span = panel.YearSpan!.Value;
        var expected = new KpiEngine().Compute(panel, KpiCatalog.All, [RegionCode.National], Enumerable.Range(span.First, span.Last - span.First + 1));
        using var json = JsonDocument.Parse(body);
        var rows = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(r => (r.GetProperty("kpi").GetString()!, r.GetProperty("track").GetString()!, r.GetProperty("year").GetInt32()));
        Assert.Equal(expected.Count, rows.Count);
        Assert.Contains(expected, r => r.Value is not null && r.Status is KpiStatus.OnTrack or KpiStatus.AtRisk or KpiStatus.OffTrack or KpiStatus.AchievedEarly);
        foreach (var e in expected)
        {
            var row = rows[(e.Kpi, e.Track, e.Year)];
            var what = $"{e.Kpi}/{e.Track}/{e.Year}";
            Assert.Equal("CN", row.GetProperty("region").GetString());
            Assert.Equal(e.Unit, row.GetProperty("unit").GetString());
            Close(e.Value, Number(row, "value"), what + " value");
            Close(e.BaselineValue, Number(row, "baselineValue"), what + " baselineValue");
            Close(e.Target, Number(row, "target"), what + " target");
            Close(e.Expected, Number(row, "expected"), what + " expected");
            Close(e.Progress, Number(row, "progress"), what + " progress");
            Close(e.Gap, Number(row, "gap"), what + " gap");
            Close(e.RequiredAnnualRate, Number(row, "requiredAnnualRate"), what + " requiredAnnualRate");
            Close(e.ActualAnnualRate, Number(row, "actualAnnualRate"), what + " actualAnnualRate");
            Close(e.Projected, Number(row, "projected"), what + " projected");
            Close(e.Score, Number(row, "score"), what + " score");
            Assert.Equal(e.BaselineYear, (int?)Number(row, "baselineYear"));
            Assert.Equal(e.TargetYear, (int?)Number(row, "targetYear"));
            Assert.Equal(e.Status?.Id(), Text(row, "status"));
            Assert.Equal(e.Status?.Zh(), Text(row, "statusZh"));
            Assert.Equal(e.Grade?.Id(), Text(row, "grade"));
            Assert.Equal(e.Note, Text(row, "note"));
            Assert.False(row.GetProperty("synthetic").GetBoolean(), what);
            var kpi = KpiCatalog.Get(e.Kpi);
            var sources = kpi.Inputs.SelectMany(i => panel.Sources(i, RegionCode.National)).Distinct().ToArray();
            Assert.Equal(string.Join("; ", sources), row.GetProperty("sources").GetString());
        }
    }

    [Fact]
    public async Task GetKpis_FilteredByKpiRegionAndYear_OnlyThoseRowsWithSyntheticFlag()
    {
        var client = await influxd.NewDatabaseAsync();
        var wind = IndicatorId.Parse("cap_wind");
        var solar = IndicatorId.Parse("cap_solar");
        await new InfluxTimeSeriesStore(client).WriteAsync(
            [
                new Observation(wind, RegionCode.Parse("15"), SectorId.All, Period.OfYear(2022), 6000, IndicatorPanel.SyntheticSource),
                new Observation(solar, RegionCode.Parse("15"), SectorId.All, Period.OfYear(2022), 3000, IndicatorPanel.SyntheticSource),
                new Observation(wind, RegionCode.Parse("15"), SectorId.All, Period.OfYear(2023), 7000, IndicatorPanel.SyntheticSource),
                new Observation(solar, RegionCode.Parse("15"), SectorId.All, Period.OfYear(2023), 3500, IndicatorPanel.SyntheticSource),
            ],
            CancellationToken.None);
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();

        var (status, _, body) = await GetAsync(http, "/api/kpis?kpi=wind_solar_capacity&region=15&year=2023");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var row = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("wind_solar_capacity", row.GetProperty("kpi").GetString());
        Assert.Equal("15", row.GetProperty("region").GetString());
        Assert.Equal(2023, row.GetProperty("year").GetInt32());
        Assert.Equal(105, row.GetProperty("value").GetDouble(), 9);
        Assert.Equal("GW", row.GetProperty("unit").GetString());
        Assert.True(row.GetProperty("synthetic").GetBoolean());
        Assert.Equal("synthetic", row.GetProperty("sources").GetString());
        // A national absolute total does not judge a province: not applicable, no target of its own.
        Assert.Equal("not_applicable", row.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("targetOrigin").ValueKind);
        Assert.Equal("reported", row.GetProperty("quality").GetString());
    }

    [Theory]
    [InlineData("/api/kpis?region=99", "region")]
    [InlineData("/api/kpis?kpi=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "kpi")]
    [InlineData("/api/kpis?year=abc", "year")]
    [InlineData("/api/kpis?year=1948", "year")]
    [InlineData("/api/kpis?year=2101", "year")]
    [InlineData("/api/kpis?year=-2020", "year")]
    [InlineData("/api/kpis?year=99999999999999999999", "year")]
    [InlineData("/api/series?indicator=cap_wind%27%20OR%201%3D1", "indicator")]
    [InlineData("/api/series?indicator=cap_wind%22%3B%20DROP%20DATABASE%20x", "indicator")]
    [InlineData("/api/series", "indicator")]
    [InlineData("/api/series?indicator=cap_wind&region=99", "region")]
    [InlineData("/api/series?indicator=cap_wind&sector=industry%27--", "sector")]
    [InlineData("/api/series?indicator=cap_wind&frequency=weekly", "frequency")]
    [InlineData("/api/series?indicator=cap_wind&from=20x0", "from")]
    [InlineData("/api/series?indicator=cap_wind&from=2020-01", "from")]
    [InlineData("/api/series?indicator=cap_wind&frequency=monthly&to=2020", "to")]
    [InlineData("/api/series?indicator=cap_wind&from=2024&to=2020", "to")]
    [InlineData("/api/runs?pageSize=0", "pageSize")]
    [InlineData("/api/runs?pageSize=501", "pageSize")]
    [InlineData("/api/runs?pageSize=ten", "pageSize")]
    [InlineData("/api/runs?page=0", "page")]
    [InlineData("/api/kpis?pageSize=5001", "pageSize")]
    [InlineData("/api/kpis?page=-1", "page")]
    [InlineData("/api/series?indicator=cap_wind&pageSize=10001", "pageSize")]
    public async Task Get_HostileParameter_400ProblemNamingIt(string url, string parameter)
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();

        var (status, contentType, body) = await GetAsync(http, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages), body);
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrEmpty(m.GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("OR 1=1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP DATABASE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSeries_StoredObservations_CanonicalUnitSourceAndNote()
    {
        var (client, observations) = await NationalSeedAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();

        var (status, _, body) = await GetAsync(http, "/api/series?indicator=cap_wind&region=CN&sector=all&frequency=annual&from=2015&to=2020");

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = observations.Where(o => o.Indicator.Value == "cap_wind" && o.Period.Year is >= 2015 and <= 2020).OrderBy(o => o.Period).ToArray();
        Assert.Equal(6, expected.Length);
        using var json = JsonDocument.Parse(body);
        var rows = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, rows.Length);
        foreach (var (e, row) in expected.Zip(rows))
        {
            Assert.Equal(e.Period.ToString(), row.GetProperty("period").GetString());
            Assert.Equal(e.Value, row.GetProperty("value").GetDouble());
            Assert.Equal("10k kW", row.GetProperty("unit").GetString());
            Assert.Equal(e.Source, row.GetProperty("source").GetString());
            Assert.Equal(e.Note, Text(row, "note"));
            Assert.Equal("CN", row.GetProperty("region").GetString());
            Assert.Equal("all", row.GetProperty("sector").GetString());
        }
    }

    [Fact]
    public async Task GetSeries_Monthly_OnlyMonthlyPeriodsInRange()
    {
        var client = await influxd.NewDatabaseAsync();
        var wind = IndicatorId.Parse("cap_wind");
        await new InfluxTimeSeriesStore(client).WriteAsync(
            [
                new Observation(wind, RegionCode.Parse("11"), SectorId.All, Period.OfMonth(2024, 1), 10),
                new Observation(wind, RegionCode.Parse("11"), SectorId.All, Period.OfMonth(2024, 2), 11),
                new Observation(wind, RegionCode.Parse("11"), SectorId.All, Period.OfMonth(2024, 3), 12),
                new Observation(wind, RegionCode.Parse("11"), SectorId.All, Period.OfYear(2024), 12),
            ],
            CancellationToken.None);
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();

        var (status, _, body) = await GetAsync(http, "/api/series?indicator=cap_wind&frequency=monthly&from=2024-02&to=2024-12");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["2024-02", "2024-03"], json.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task GetRuns_AfterRuns_NewestFirstWithinTheLimit()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();
        var history = factory.Services.GetRequiredService<RunHistory>();
        for (var i = 1; i <= 3; i++)
        {
            var id = await history.StartAsync("inbox-import", $"file{i}.csv", new string('b', 64), CancellationToken.None);
            await history.FinishAsync(id, i == 3 ? RunStatus.Rejected : RunStatus.Succeeded, 10 * i, i == 3 ? 0 : 10 * i, i == 3 ? 1 : 0, i == 3 ? "bad row" : null, null, CancellationToken.None);
        }

        var (status, _, body) = await GetAsync(http, "/api/runs?pageSize=2");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var rows = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["file3.csv", "file2.csv"], rows.Select(r => r.GetProperty("file").GetString()));
        Assert.Equal("rejected", rows[0].GetProperty("status").GetString());
        Assert.Equal("bad row", rows[0].GetProperty("error").GetString());
        Assert.Equal(1, rows[0].GetProperty("rowsRejected").GetInt64());
        Assert.Equal(20, rows[1].GetProperty("rowsWritten").GetInt64());
        Assert.Equal(new string('b', 64), rows[1].GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task GetCatalog_EveryKpiIndicatorRegionAndSector()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();

        var (status, _, body) = await GetAsync(http, "/api/catalog");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var kpis = json.RootElement.GetProperty("kpis").EnumerateArray().ToArray();
        Assert.Equal(KpiCatalog.All.Select(k => k.Id), kpis.Select(k => k.GetProperty("id").GetString()));
        var carbon = kpis.Single(k => k.GetProperty("id").GetString() == "carbon_intensity_reduction");
        // Our recomputation's inputs, then the published rates of the official track.
        Assert.Equal(["co2_energy", "gdp_real", "co2_intensity_change"], carbon.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()));
        var vs2020 = carbon.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("track").GetString() == "vs2020");
        Assert.Equal(("binding", true, "nation"), (vs2020.GetProperty("nature").GetString(), vs2020.GetProperty("binding").GetBoolean(), vs2020.GetProperty("subject").GetString()));
        Assert.Contains("约束性", vs2020.GetProperty("natureSource").GetString(), StringComparison.Ordinal);
        Assert.Equal("geometric", carbon.GetProperty("pathShape").GetString());
        var vs2005 = carbon.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("track").GetString() == "vs2005");
        Assert.Equal(2005, vs2005.GetProperty("baselineYear").GetInt32());
        Assert.Equal(65, vs2005.GetProperty("value").GetDouble());
        Assert.Equal("以上", vs2005.GetProperty("modalityZh").GetString());
        Assert.Equal(KpiCatalog.All.Count(k => !k.HasDataSource), kpis.Count(k => !k.GetProperty("hasDataSource").GetBoolean()));
        Assert.Equal(IndicatorCatalog.All.Select(i => i.Id.Value), json.RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(RegionCatalog.All.Count, json.RootElement.GetProperty("regions").GetArrayLength());
        Assert.Equal(SectorCatalog.All.Count, json.RootElement.GetProperty("sectors").GetArrayLength());
    }

    [Fact]
    public async Task Get_StoreDown_503ProblemNamingTheServerWithoutStackTrace()
    {
        var server = new InfluxServerFixture();
        await server.InitializeAsync();
        try
        {
            var database = (await server.NewDatabaseAsync()).Database;
            var url = server.Url;
            await using var factory = new PeakMonitorWebFactory(url, database, Settings);
            using var http = await factory.CreateSignedInClientAsync();
            await server.StopAsync();

            foreach (var path in new[] { "/api/kpis", "/api/series?indicator=cap_wind" })
            {
                var (status, contentType, body) = await GetAsync(http, path);

                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Equal("application/problem+json", contentType);
                using var json = JsonDocument.Parse(body);
                Assert.Equal(503, json.RootElement.GetProperty("status").GetInt32());
                Assert.Equal(url.ToString(), json.RootElement.GetProperty("server").GetString());
                Assert.Contains(url.Authority, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            }

            // The run history lives in SQLite beside the app: it still answers.
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/api/runs")).Status);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetOpenApiDocument_ListsEveryApiRouteWithItsParameters()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync();

        var (status, _, body) = await GetAsync(http, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var paths = json.RootElement.GetProperty("paths");
        foreach (var (path, operation) in new[] { ("/api/kpis", "GetKpis"), ("/api/series", "GetSeries"), ("/api/runs", "GetRuns"), ("/api/catalog", "GetCatalog") })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            var get = item.GetProperty("get");
            Assert.Equal(operation, get.GetProperty("operationId").GetString());
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()));
        }

        var kpiParameters = paths.GetProperty("/api/kpis").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["kpi", "region", "year", "asOf", "page", "pageSize"], kpiParameters);
        var responses = paths.GetProperty("/api/kpis").GetProperty("get").GetProperty("responses");
        Assert.True(responses.TryGetProperty("400", out _));
        Assert.True(responses.TryGetProperty("503", out _));
    }
}

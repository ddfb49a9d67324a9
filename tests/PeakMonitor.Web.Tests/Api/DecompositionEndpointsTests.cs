using System.Net;
using System.Text.Json;
using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Api;

public sealed class DecompositionEndpointsTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Dashboard:CacheDuration"] = "00:00:00" };

    private async Task<(PeakMonitorWebFactory Factory, IndicatorPanel Panel)> NationalSeedAsync()
    {
        var client = await influxd.NewDatabaseAsync();
        var observations = (await CanonicalCsvReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "national-cn.csv"), CancellationToken.None)).Observations;
        await new InfluxTimeSeriesStore(client).WriteAsync(observations, CancellationToken.None);
        return (new PeakMonitorWebFactory(influxd.Url, client.Database, Settings), IndicatorPanel.From(observations));
    }

    private static async Task<(HttpStatusCode Status, string ContentType, string Body)> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetDecomposition_NationalSeed_EqualsTheDomainComputedFromTheFile()
    {
        var (factory, panel) = await NationalSeedAsync();
        await using var disposeFactory = factory;
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var (status, contentType, body) = await GetAsync(http, "/api/decomposition?region=CN&from=2005&to=2024&chain=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        var expected = LmdiDecomposition.Of(panel, RegionCode.National, 2005, 2024);
        var chain = LmdiChain.Of(panel, RegionCode.National, 2005, 2024);
        using var json = JsonDocument.Parse(body);
        var row = json.RootElement;
        Assert.Equal(("CN", 2005, 2024), (row.GetProperty("region").GetString(), row.GetProperty("from").GetInt32(), row.GetProperty("to").GetInt32()));
        Assert.Equal(expected.Total, row.GetProperty("total").GetDouble(), 6);
        foreach (var effect in KayaEffects.All)
        {
            Assert.Equal(expected.Effect(effect), row.GetProperty("effects").GetProperty(effect.Id()).GetDouble(), 6);
            Assert.Equal(chain.Effect(effect), row.GetProperty("chained").GetProperty(effect.Id()).GetDouble(), 6);
        }

        Assert.Equal(19, row.GetProperty("steps").GetArrayLength());
        Assert.False(row.GetProperty("synthetic").GetBoolean());
        Assert.Equal("unverified", row.GetProperty("quality").GetString());
    }

    [Theory]
    [InlineData("/api/decomposition?from=2005&to=2020", "region")]
    [InlineData("/api/decomposition?region=99&from=2005&to=2020", "region")]
    [InlineData("/api/decomposition?region=CN%27%20OR%201%3D1&from=2005&to=2020", "region")]
    [InlineData("/api/decomposition?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&from=2005&to=2020", "region")]
    [InlineData("/api/decomposition?region=CN&to=2020", "from")]
    [InlineData("/api/decomposition?region=CN&from=20x5&to=2020", "from")]
    [InlineData("/api/decomposition?region=CN&from=1948&to=2020", "from")]
    [InlineData("/api/decomposition?region=CN&from=2005&to=2101", "to")]
    [InlineData("/api/decomposition?region=CN&from=2005&to=99999999999999999999", "to")]
    [InlineData("/api/decomposition?region=CN&from=2020&to=2020", "to")]
    [InlineData("/api/decomposition?region=CN&from=2020&to=2005", "to")]
    [InlineData("/api/decomposition?region=CN&from=2005&to=2020&chain=maybe", "chain")]
    [InlineData("/api/decomposition?region=CN&from=2005&to=2020&chain=%22%3B%20DROP%20DATABASE%20x", "chain")]
    public async Task GetDecomposition_HostileParameter_400ProblemNamingIt(string url, string parameter)
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var (status, contentType, body) = await GetAsync(http, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages), body);
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrEmpty(m.GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("OR 1=1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP DATABASE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDecomposition_ProvinceWithoutData_422NamingRegionYearAndIndicator()
    {
        var (factory, _) = await NationalSeedAsync();
        await using var disposeFactory = factory;
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        var (status, contentType, body) = await GetAsync(http, "/api/decomposition?region=11&from=2020&to=2024");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("application/problem+json", contentType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(("11", 2020, "population"), (json.RootElement.GetProperty("region").GetString(), json.RootElement.GetProperty("year").GetInt32(), json.RootElement.GetProperty("indicator").GetString()));
        Assert.Contains("Region 11 (北京, Beijing), 2020: population", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDecomposition_EndYearWithoutEnergy_422NamingTheYear()
    {
        var (factory, _) = await NationalSeedAsync();
        await using var disposeFactory = factory;
        using var http = await factory.CreateSignedInClientAsync(Accounts.Roles.Viewer);

        // energy_total and co2_energy end in 2024 in the national seed file; population and GDP go on to 2025.
        var (status, _, body) = await GetAsync(http, "/api/decomposition?region=CN&from=2020&to=2025&chain=true");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("2025: energy_total", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDecomposition_Anonymous_Refused()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, Settings);
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var (status, _, body) = await GetAsync(http, "/api/decomposition?region=CN&from=2005&to=2020");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("effects", body, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class VintageCommandTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    // Wind + solar 2023: first published 30,000 + 50,000 (10k kW) = 800 GW; solar revised to 60,000: 900 GW.
    private const string First = """
        region,indicator,period,value,unit,source
        CN,cap_wind,2023,30000,10k kW,NEA first release
        CN,cap_solar,2023,50000,10k kW,NEA first release
        """;

    private const string Revision = """
        region,indicator,period,value,unit,source,published
        CN,cap_solar,2023,60000,10k kW,NEA revised,2024-06-30
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string[] Store(string database) => ["--influx", influxd.Url.ToString(), "--database", database];

    private async Task<string> IngestRevisionAsync()
    {
        var database = "vint_" + Guid.NewGuid().ToString("N")[..8];
        var first = await Cli.RunAsync(["ingest", _dir.File("first.csv", First), "--published", "2024-01-31", .. Store(database)]);
        Assert.True(first.Exit == 0, first.Err);
        var revision = await Cli.RunAsync(["ingest", _dir.File("revision.csv", Revision), .. Store(database)]);
        Assert.True(revision.Exit == 0, revision.Err);
        return database;
    }

    [Fact]
    public async Task Ingest_Revision_KeepsBothVintagesAndLatestIsTheRevision()
    {
        var database = await IngestRevisionAsync();

        var vintages = await InfluxCli.ExecuteAsync(influxd.Url, database, "SELECT value, source FROM vintage WHERE indicator = 'cap_solar' GROUP BY published");
        var latest = await InfluxCli.ExecuteAsync(influxd.Url, database, "SELECT value, published FROM observation WHERE indicator = 'cap_solar'");

        Assert.Contains("published=2024-01-31", vintages, StringComparison.Ordinal);
        Assert.Contains("published=2024-06-30", vintages, StringComparison.Ordinal);
        Assert.Contains("50000", vintages, StringComparison.Ordinal);
        Assert.Contains("60000", vintages, StringComparison.Ordinal);
        Assert.Contains("60000", latest, StringComparison.Ordinal);
        Assert.Contains("20240630", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("50000", latest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-06-29", 800)]
    [InlineData("2024-06-30", 900)]
    [InlineData(null, 900)]
    public async Task Kpi_AsOfAroundTheRevision_ValueAsPublishedThen(string? asOf, double gigawatts)
    {
        var database = await IngestRevisionAsync();

        string[] args = ["kpi", "--region", "CN", "--year", "2023", "--kpi", "wind_solar_capacity", "--format", "json", .. Store(database)];
        var (exit, stdout, stderr) = await Cli.RunAsync(asOf is null ? args : [.. args, "--as-of", asOf]);

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(gigawatts, row.GetProperty("value").GetDouble(), precision: 9);
    }

    [Fact]
    public async Task Kpi_AsOfBeforeAnyVintage_NoValue()
    {
        var database = await IngestRevisionAsync();

        var (exit, stdout, stderr) = await Cli.RunAsync(["kpi", "--region", "CN", "--year", "2023", "--kpi", "wind_solar_capacity", "--format", "json", "--as-of", "2024-01-30", .. Store(database)]);

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, row.GetProperty("value").ValueKind);
    }

    [Theory]
    [InlineData("--published", "2024/06/30", "YYYY-MM-DD")]
    [InlineData("--published", "2999-01-01", "in the future")]
    [InlineData("--published", "1900-01-01", "before 1949")]
    public async Task Ingest_BadPublishedOption_Exit2ClearMessageNothingStored(string option, string value, string reason)
    {
        var database = "vint_" + Guid.NewGuid().ToString("N")[..8];

        var (exit, _, stderr) = await Cli.RunAsync(["ingest", _dir.File("first.csv", First), option, value, .. Store(database)]);

        Assert.Equal(2, exit);
        Assert.Contains($"{option} '{value}'", stderr, StringComparison.Ordinal);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(database, await InfluxCli.ExecuteAsync(influxd.Url, "_internal", "SHOW DATABASES"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_BadAsOf_Exit2NamesOption()
    {
        var (exit, _, stderr) = await Cli.RunAsync("kpi", "--data", _dir.File("first.csv", First), "--as-of", "yesterday");

        Assert.Equal(2, exit);
        Assert.Contains("--as-of 'yesterday'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_DataFilesWithVintagesAsOf_SameAnswerAsTheStore()
    {
        var dir = Path.Combine(_dir.Path, "files");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "first.csv"), """
            region,indicator,period,value,unit,source,published
            CN,cap_wind,2023,30000,10k kW,NEA first release,2024-01-31
            CN,cap_solar,2023,50000,10k kW,NEA first release,2024-01-31
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "revision.csv"), Revision);

        var before = await Cli.RunAsync("kpi", "--data", dir, "--region", "CN", "--year", "2023", "--kpi", "wind_solar_capacity", "--format", "json", "--as-of", "2024-06-29");
        var after = await Cli.RunAsync("kpi", "--data", dir, "--region", "CN", "--year", "2023", "--kpi", "wind_solar_capacity", "--format", "json");

        Assert.True(before.Exit == 0, before.Err);
        Assert.Equal(800, JsonDocument.Parse(before.Out).RootElement[0].GetProperty("value").GetDouble(), precision: 9);
        Assert.Equal(900, JsonDocument.Parse(after.Out).RootElement[0].GetProperty("value").GetDouble(), precision: 9);
    }
}

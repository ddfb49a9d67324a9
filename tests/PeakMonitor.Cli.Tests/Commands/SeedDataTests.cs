using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

/// <summary>What the run command does on first start: ingest seed-data/*.csv, then KPIs are in the store.</summary>
[Collection(CliCollection.Name)]
public sealed class SeedDataTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_SeedData_InfluxCliShowsAllRegionsAndQualityFlags()
    {
        var seed = Path.Combine(Repository.Root, "seed-data");
        var files = Directory.GetFiles(seed, "*.csv").Order(StringComparer.Ordinal).ToArray();
        var database = "seed_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable("Ingestion__DataDirectory", Path.Combine(_dir.Path, "ingestion"));
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            string[] args = ["ingest", "--skip-imported", .. files, "--influx", influxd.Url.ToString(), "--database", database];

            var exit = await CliApp.RunAsync(args, stdout, stderr, CancellationToken.None);
            using var again = new StringWriter();
            var secondExit = await CliApp.RunAsync(args, again, stderr, CancellationToken.None);

            Assert.True(exit == 0, stderr.ToString());
            Assert.Equal(0, secondExit);
            Assert.Contains("skipped", again.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Ingestion__DataDirectory", null);
        }

        var regions = await InfluxCli.ExecuteAsync(influxd.Url, database, "SHOW TAG VALUES FROM observation WITH KEY = region");
        Assert.Equal(32, regions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("observation,", StringComparison.Ordinal)));
        // 待核实 and 估算 travel with the values: the quality field, as the national file marks its rows.
        var flags = await InfluxCli.ExecuteAsync(influxd.Url, database, "SELECT count(value) FROM observation WHERE region = 'CN' AND quality = 'unverified'");
        Assert.Contains("observation", flags, StringComparison.Ordinal);
        var estimates = await InfluxCli.ExecuteAsync(influxd.Url, database, "SELECT count(value) FROM observation WHERE indicator = 'co2_energy' AND region = 'CN' AND quality = 'estimate'");
        Assert.Contains(",20", estimates, StringComparison.Ordinal);
        var synthetic = await InfluxCli.ExecuteAsync(influxd.Url, database, "SELECT count(value) FROM observation WHERE region = '44' AND source = 'synthetic'");
        Assert.Contains("observation", synthetic, StringComparison.Ordinal);
    }
}

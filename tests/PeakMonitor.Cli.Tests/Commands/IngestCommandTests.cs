using System.Net;
using System.Net.Sockets;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class IngestCommandTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_CanonicalCsv_PointsReadableByInfluxCli()
    {
        var file = _dir.File("capacity.csv", """
            region,indicator,period,value,unit,sector,source,note
            CN,cap_solar,2023,609,GW,all,NEA statistics,
            44,cap_solar,2023-06,25.1,GW,all,"广东省能源局, monthly",
            15,cap_wind,2023,7000,10k kW,,内蒙古 bureau,"note, with comma"
            """);
        var database = "cli_" + Guid.NewGuid().ToString("N")[..8];

        var (exit, stdout, stderr) = await Cli.RunAsync("ingest", file, "--influx", influxd.Url.ToString(), "--database", database);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Wrote 3 points from 1 file(s)", stdout, StringComparison.Ordinal);
        var csv = await InfluxCli.ExecuteAsync(influxd.Url, database, "SELECT value, source FROM observation WHERE indicator = 'cap_solar' GROUP BY region");
        Assert.Contains("60900", csv, StringComparison.Ordinal);
        Assert.Contains("2510", csv, StringComparison.Ordinal);
        Assert.Contains("广东省能源局, monthly", csv, StringComparison.Ordinal);
        var shards = await InfluxCli.ExecuteAsync(influxd.Url, database, $"SHOW RETENTION POLICIES ON \"{database}\"");
        Assert.Contains("87360h0m0s", shards, StringComparison.Ordinal);

        // The import recomputed every KPI result from the store (one year of data, 32 regions), and no
        // materialised copy is written: results are computed from observations alone.
        Assert.Matches(@"KPI results recomputed from the store: \d+", stdout);
        var measurements = await InfluxCli.ExecuteAsync(influxd.Url, database, "SHOW MEASUREMENTS");
        Assert.DoesNotContain("kpi", measurements.Split('\n').Select(l => l.Trim()), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Ingest_BadRow_Exit2NamesFileLineAndColumnAndStoresNothing()
    {
        var file = _dir.File("bad.csv", "region,indicator,period,value,unit\n11,cap_wind,2020,1,GW\n11,cap_wind,2021,abc,GW\n");
        var database = "cli_" + Guid.NewGuid().ToString("N")[..8];

        var (exit, _, stderr) = await Cli.RunAsync("ingest", file, "--influx", influxd.Url.ToString(), "--database", database);

        Assert.Equal(2, exit);
        Assert.Contains("bad.csv, line 3, column 'value', value 'abc'", stderr, StringComparison.Ordinal);
        var databases = await InfluxCli.ExecuteAsync(influxd.Url, "_internal", "SHOW DATABASES");
        Assert.DoesNotContain(database, databases, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ServerDown_Exit3NamesUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        listener.Stop();
        var file = _dir.File("ok.csv", "region,indicator,period,value,unit\n11,cap_wind,2020,1,GW\n");
        Environment.SetEnvironmentVariable("Influx__MaxRetries", "0");
        try
        {
            var (exit, _, stderr) = await Cli.RunAsync("ingest", file, "--influx", url);

            Assert.Equal(3, exit);
            Assert.Contains(url, stderr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Influx__MaxRetries", null);
        }
    }

    [Fact]
    public async Task Ingest_InvalidDatabaseName_Exit3ExplainsSetting()
    {
        var file = _dir.File("ok.csv", "region,indicator,period,value,unit\n11,cap_wind,2020,1,GW\n");

        var (exit, _, stderr) = await Cli.RunAsync("ingest", file, "--influx", influxd.Url.ToString(), "--database", "x\"; DROP DATABASE y");

        Assert.Equal(3, exit);
        Assert.Contains("Influx:Database", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_NoInfluxConfigured_StartsManagedServerThenStopsIt()
    {
        var dataDirectory = Path.Combine(_dir.Path, "influxdb");
        var file = _dir.File("ok.csv", "region,indicator,period,value,unit\n11,cap_wind,2020,1,GW\n12,cap_wind,2020,2,GW\n");
        Environment.SetEnvironmentVariable("Influx__Managed__DataDirectory", dataDirectory);
        try
        {
            var (exit, stdout, stderr) = await Cli.RunAsync("ingest", file);

            Assert.True(exit == 0, stderr);
            Assert.Contains("Wrote 2 points", stdout, StringComparison.Ordinal);
            Assert.Contains("at http://127.0.0.1:", stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "influxd.conf")));
            Assert.False(File.Exists(Path.Combine(dataDirectory, "influxd.endpoint.json")), "the CLI stops the influxd it started");
        }
        finally
        {
            Environment.SetEnvironmentVariable("Influx__Managed__DataDirectory", null);
        }
    }

    [Fact]
    public async Task Ingest_NoFiles_UsageError()
    {
        var (exit, _, stderr) = await Cli.RunAsync("ingest");

        Assert.NotEqual(0, exit);
        Assert.Contains("Required argument missing", stderr, StringComparison.Ordinal);
    }
}

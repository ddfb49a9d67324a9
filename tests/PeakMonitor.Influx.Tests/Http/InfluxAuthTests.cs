using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Influx.Storage;
using PeakMonitor.TestKit;

namespace PeakMonitor.Influx.Tests.Http;

/// <summary>An InfluxDB with auth-enabled: credentials from configuration work; without them the error says what to set.</summary>
public sealed class InfluxAuthTests
{
    [Fact]
    public async Task AuthEnabledServer_WithCredentials_WritesAndReads_WithoutThem401NamingTheSettings()
    {
        using var dir = new TempDirectory("peakmonitor-influx-auth");
        await using var server = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = dir.Path, AuthEnabled = true }, null, CancellationToken.None);

        // A fresh auth-enabled 1.x server accepts exactly one unauthenticated statement: creating the first admin.
        var bootstrap = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server.Url), Options.Create(new InfluxOptions { Database = "_internal", MaxRetries = 0 }));
        await bootstrap.ExecuteAsync(new InfluxQuery("CREATE USER \"pm_admin\" WITH PASSWORD 's3cret-Pw' WITH ALL PRIVILEGES"), CancellationToken.None);

        var options = Options.Create(new InfluxOptions { Database = "secured", Username = "pm_admin", Password = "s3cret-Pw", MaxRetries = 0 });
        var client = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server.Url), options);
        await new InfluxDatabaseProvisioner(client, options, NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        await client.WriteAsync([1.5], (line, v) => line.Measurement("m").Tag("k", "x").Field("value", v).Timestamp(1), CancellationToken.None);
        var read = await client.QueryAsync(new InfluxQuery("SELECT value FROM m"), CancellationToken.None);

        var anonymous = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server.Url), Options.Create(new InfluxOptions { Database = "secured", MaxRetries = 0 }));
        var refused = await Assert.ThrowsAsync<InfluxRequestException>(() => anonymous.QueryAsync(new InfluxQuery("SELECT value FROM m"), CancellationToken.None));

        Assert.Equal(1.5, read.Single().Series.Single().Values.Single()[1]);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("Influx:Username", refused.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Sockets;
using PeakMonitor.Influx.Http;
using PeakMonitor.TestKit;

namespace PeakMonitor.Influx.Tests.Http;

/// <summary>Stops and restarts its own influxd, so it does not share one with other tests.</summary>
public sealed class InfluxFailureTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private static InfluxQuery Count => new("SELECT count(value) FROM hostile");

    private static async Task WriteAsync(InfluxClient client, double value) =>
        await client.WriteAsync([value], (line, v) => line.Measurement("hostile").Tag("k", "x").Field("value", v).Timestamp(1_000 + (long)v), CancellationToken.None);

    [Fact]
    public async Task PingAsync_NothingListening_ClearErrorNamingUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var client = influxd.Client("db", o => o.MaxRetries = 1, url);

        var ex = await Assert.ThrowsAsync<InfluxUnavailableException>(() => client.PingAsync(CancellationToken.None));

        Assert.Contains(url.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("not reachable", ex.Message, StringComparison.Ordinal);
        Assert.Equal(url, ex.Server);
    }

    [Fact]
    public async Task WriteAsync_ServerRestarted_ClientRecovers()
    {
        var client = await influxd.NewDatabaseAsync(o => o.MaxRetries = 1);
        await WriteAsync(client, 1);

        await influxd.StopAsync();
        var down = await Assert.ThrowsAsync<InfluxUnavailableException>(() => WriteAsync(client, 2));
        Assert.Contains("127.0.0.1", down.Message, StringComparison.Ordinal);
        await influxd.StartAsync();

        await WriteAsync(client, 3);
        var rows = await client.QueryAsync(Count, CancellationToken.None);
        Assert.Equal(2.0, rows.Single().Series.Single().Values.Single()[1]);
    }

    [Fact]
    public async Task WriteAsync_ServerComesBackWhileRetrying_Succeeds()
    {
        var client = await influxd.NewDatabaseAsync(o => (o.MaxRetries, o.RetryBaseDelay) = (8, TimeSpan.FromMilliseconds(200)));
        await influxd.StopAsync();

        var write = WriteAsync(client, 5);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await influxd.StartAsync();
        await write;

        var rows = await client.QueryAsync(Count, CancellationToken.None);
        Assert.Equal(1.0, rows.Single().Series.Single().Values.Single()[1]);
    }
}

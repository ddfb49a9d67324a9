using PeakMonitor.Influx.Managed;
using PeakMonitor.TestKit;

namespace PeakMonitor.Influx.Tests.Managed;

public sealed class ManagedInfluxdTests
{
    [Fact]
    public async Task StartAsync_ExecutableMissing_ErrorNamesDebianPackage()
    {
        using var dir = new TempDirectory();

        var ex = await Assert.ThrowsAsync<InfluxdNotInstalledException>(() =>
            ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = dir.Path, Executable = "/nonexistent/influxd" }, null, CancellationToken.None));

        Assert.Contains("'influxdb' package", ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install influxdb", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FolderAlreadyServed_ReusesRunningServerAndLeavesItRunning()
    {
        using var dir = new TempDirectory();
        await using var first = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = dir.Path }, null, CancellationToken.None);

        var second = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = dir.Path }, null, CancellationToken.None);
        await second.DisposeAsync();

        Assert.True(first.Owned);
        Assert.False(second.Owned);
        Assert.Equal(first.Url, second.Url);
        using var http = new HttpClient();
        using var ping = await http.GetAsync(new Uri(first.Url, "ping"));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, ping.StatusCode);
    }

    [Fact]
    public async Task DisposeAsync_OwnedServer_ProcessStopsAndPortCloses()
    {
        using var dir = new TempDirectory();
        var server = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = dir.Path }, null, CancellationToken.None);
        var pid = server.ProcessId!.Value;

        await server.DisposeAsync();

        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid));
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.Url, "ping")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "influxd.endpoint.json")));
    }
}

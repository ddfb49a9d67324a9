using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Influx.Storage;
using Xunit;


namespace PeakMonitor.TestKit;

/// <summary>
/// A real, throwaway influxd (Debian's package) for integration tests, started with the same code
/// the app uses for its managed server. Each test takes its own database from <see cref="NewDatabaseAsync"/>.
/// </summary>
public sealed class InfluxServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("peakmonitor-influxd");
    private ManagedInfluxd? _server;
    private int _port;

    public Uri Url => _server?.Url ?? throw new InvalidOperationException("influxd is not running.");

    public string DataDirectory => _dir.Path;

    public async Task InitializeAsync() => await StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        _dir.Dispose();
    }

    public async Task StartAsync()
    {
        _server = await ManagedInfluxd.StartAsync(
            new ManagedInfluxdOptions { DataDirectory = _dir.Path, HttpPort = _port },
            NullLogger.Instance,
            CancellationToken.None);
        _port = _server.Url.Port;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: no shutdown, whatever was not yet in the WAL is gone.</summary>
    public async Task KillAsync()
    {
        if (_server?.ProcessId is { } pid)
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync();
        }

        await StopAsync();
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public static InfluxOptions Options(string database, Action<InfluxOptions>? configure = null)
    {
        var options = new InfluxOptions { Database = database, RetryBaseDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 2, RequestTimeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client for <paramref name="database"/> on this server (or on <paramref name="url"/>).</summary>
    public InfluxClient Client(string database, Action<InfluxOptions>? configure = null, Uri? url = null) =>
        new(new HttpClient(), new FixedInfluxEndpoint(url ?? Url), Microsoft.Extensions.Options.Options.Create(Options(database, configure)));

    /// <summary>Creates a fresh database (520-week shards, as the app does) and returns a client for it.</summary>
    public async Task<InfluxClient> NewDatabaseAsync(Action<InfluxOptions>? configure = null)
    {
        var database = "t" + Guid.NewGuid().ToString("N")[..12];
        var client = Client(database, configure);
        var options = Microsoft.Extensions.Options.Options.Create(Options(database, configure));
        await new InfluxDatabaseProvisioner(client, options, NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        return client;
    }
}

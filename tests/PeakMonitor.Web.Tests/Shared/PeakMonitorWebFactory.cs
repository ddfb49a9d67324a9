using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PeakMonitor.Web.Tests.Shared;

/// <summary>The real app pointed at a test influxd and database; settings may be overridden per test.</summary>
public sealed class PeakMonitorWebFactory(Uri influx, string database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Ingestion folders and SQLite store of this app instance (a fresh temp folder unless a test sets it).</summary>
    public string IngestionDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "peakmonitor-web-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Ingestion:DataDirectory", IngestionDirectory);
        builder.UseSetting("Ingestion:SyntheticFeedEnabled", "false");
        builder.UseSetting("Reports:ArchiveDirectory", Path.Combine(IngestionDirectory, "reports"));
        builder.UseSetting("Influx:Url", influx.ToString());
        builder.UseSetting("Influx:Database", database);
        builder.UseSetting("Influx:MaxRetries", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the app on Kestrel (a real loopback port, for the browser) and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }
}

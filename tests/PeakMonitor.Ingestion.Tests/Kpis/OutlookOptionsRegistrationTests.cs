using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Ingestion.Kpis;

namespace PeakMonitor.Ingestion.Tests.Kpis;

public sealed class OutlookOptionsRegistrationTests
{
    private static (IHost Host, IServiceCollection Services) Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddKpis();
        return (builder.Build(), builder.Services);
    }

    [Fact]
    public void AddKpis_OutlookSection_BoundIntoTheOptions()
    {
        var (host, services) = Host(new() { ["Outlook:Draws"] = "500", ["Outlook:Seed"] = "7" });
        using var disposeHost = host;

        var options = host.Services.GetRequiredService<IOptions<OutlookOptions>>().Value;

        Assert.Equal((500, 7, 10), (options.Draws, options.Seed, options.WindowYears));
        Assert.Contains(services, d => d.ServiceType == typeof(IOutlookResults) && d.ImplementationType == typeof(OutlookResults));
    }

    [Fact]
    public void AddKpis_InvalidOutlookSection_EveryProblemReported()
    {
        var (host, _) = Host(new() { ["Outlook:Draws"] = "1", ["Outlook:BlockLength"] = "0" });
        using var disposeHost = host;

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<OutlookOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("Outlook:Draws", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Outlook:BlockLength", StringComparison.Ordinal));
    }
}

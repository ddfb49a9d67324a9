using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Influx.Storage;

namespace PeakMonitor.Influx;

public static class InfluxExtensions
{
    /// <summary>
    /// The InfluxDB store: validated <see cref="InfluxOptions"/> (section <c>Influx</c>), the typed
    /// client, the endpoint (configured URL or managed local influxd), database provisioning at
    /// startup, and the domain's <see cref="ITimeSeriesReader"/>/<see cref="ITimeSeriesWriter"/>.
    /// </summary>
    public static IHostApplicationBuilder AddInflux(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<InfluxOptions>().BindConfiguration(InfluxOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>());

        services.AddSingleton<InfluxServerEndpoint>();
        services.AddSingleton<IInfluxEndpoint>(sp => sp.GetRequiredService<InfluxServerEndpoint>());
        services.AddHttpClient<InfluxClient>();
        services.AddTransient<InfluxDatabaseProvisioner>();
        services.AddTransient<InfluxTimeSeriesStore>();
        services.AddTransient<StoreStatusReader>();
        services.AddTransient<ITimeSeriesReader>(sp => sp.GetRequiredService<InfluxTimeSeriesStore>());
        services.AddTransient<ITimeSeriesWriter>(sp => sp.GetRequiredService<InfluxTimeSeriesStore>());
        services.AddTransient<IVintageReader>(sp => sp.GetRequiredService<InfluxTimeSeriesStore>());
        services.AddHostedService<InfluxStartupService>();
        return builder;
    }
}

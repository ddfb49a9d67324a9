using Microsoft.Extensions.Hosting;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;

namespace PeakMonitor.Influx;

/// <summary>
/// At startup: find (or start) the server and make sure the database exists, so a misconfiguration
/// fails the start instead of the first page view.
/// </summary>
internal sealed class InfluxStartupService(IInfluxEndpoint endpoint, InfluxDatabaseProvisioner provisioner) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await endpoint.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        await provisioner.EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

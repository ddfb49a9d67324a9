namespace PeakMonitor.Influx.Http;

/// <summary>Where the InfluxDB server is: the configured URL, or a managed local influxd started on first use.</summary>
public interface IInfluxEndpoint
{
    ValueTask<Uri> GetBaseAddressAsync(CancellationToken cancellationToken);
}

/// <summary>A fixed server address.</summary>
public sealed class FixedInfluxEndpoint(Uri baseAddress) : IInfluxEndpoint
{
    public Uri BaseAddress { get; } = baseAddress;

    public ValueTask<Uri> GetBaseAddressAsync(CancellationToken cancellationToken) => ValueTask.FromResult(BaseAddress);
}

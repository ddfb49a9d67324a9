using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;

namespace PeakMonitor.Influx.Storage;

/// <summary>What the store holds right now, for status pages and health checks.</summary>
public sealed record StoreStatus(Uri Server, bool Managed, string? Version, string Database, long Observations, int Indicators);

/// <summary>Reads <see cref="StoreStatus"/> from the server (counts come from the stored data).</summary>
public sealed class StoreStatusReader(InfluxClient client, IInfluxEndpoint endpoint)
{
    public async Task<StoreStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var server = await endpoint.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        var version = await client.PingAsync(cancellationToken).ConfigureAwait(false);
        var count = await client.QueryAsync(new InfluxQuery($"""SELECT count("{InfluxSchema.ValueField}") FROM "{InfluxSchema.Measurement}" """), cancellationToken).ConfigureAwait(false);
        var observations = count.SelectMany(r => r.Series).SelectMany(s => s.Values).Select(row => row.Length > 1 && row[1] is double d ? (long)d : 0).Sum();
        var tags = await client.QueryAsync(new InfluxQuery($"""SHOW TAG VALUES FROM "{InfluxSchema.Measurement}" WITH KEY = "{InfluxSchema.IndicatorTag}" """), cancellationToken).ConfigureAwait(false);
        var indicators = tags.SelectMany(r => r.Series).Sum(s => s.Values.Count);
        return new StoreStatus(server, endpoint is InfluxServerEndpoint { Managed: not null }, version, client.Database, observations, indicators);
    }
}

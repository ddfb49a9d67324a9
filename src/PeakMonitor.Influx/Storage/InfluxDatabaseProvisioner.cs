using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx.Http;

namespace PeakMonitor.Influx.Storage;

/// <summary>
/// Creates the database if it is missing, with a long shard group duration: with InfluxDB's default
/// 7-day shards, annual and monthly data since 2005 spread over hundreds of shards and queries become
/// about 100 times slower (STACK.md: 882 ms vs 8.7 ms for a yearly mean per province over 1M points).
/// </summary>
public sealed partial class InfluxDatabaseProvisioner(InfluxClient client, IOptions<InfluxOptions> options, ILogger<InfluxDatabaseProvisioner> logger)
{
    /// <summary>Returns true when the database was created, false when it already existed.</summary>
    public async Task<bool> EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = options.Value.Database;
        var existing = await client.QueryAsync(new InfluxQuery("SHOW DATABASES"), cancellationToken).ConfigureAwait(false);
        if (existing.SelectMany(r => r.Series).SelectMany(s => s.Values).Any(row => row.Length > 0 && row[0] as string == name))
        {
            await DropRetiredMeasurementsAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Identifiers cannot be bound in InfluxQL; the name is restricted by InfluxOptionsValidator to
        // [A-Za-z0-9_-], so quoting it is enough.
        var weeks = options.Value.ShardDurationWeeks.ToString(CultureInfo.InvariantCulture);
        await client.ExecuteAsync(new InfluxQuery($"CREATE DATABASE \"{name}\" WITH SHARD DURATION {weeks}w"), cancellationToken).ConfigureAwait(false);
        LogCreated(logger, name, weeks);
        return true;
    }

    /// <summary>
    /// Earlier versions wrote materialised KPI results into a <c>kpi</c> measurement that nothing read;
    /// results are now computed from the observations alone (README, "Storage schema"), so it goes.
    /// </summary>
    private async Task DropRetiredMeasurementsAsync(CancellationToken cancellationToken)
    {
        var found = await client.QueryAsync(new InfluxQuery("SHOW MEASUREMENTS WITH MEASUREMENT = \"kpi\""), cancellationToken).ConfigureAwait(false);
        if (found.SelectMany(r => r.Series).Any(s => s.Values.Count > 0))
        {
            await client.ExecuteAsync(new InfluxQuery("DROP MEASUREMENT \"kpi\""), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The shard group duration of the database's default retention policy, e.g. <c>87360h0m0s</c>.</summary>
    public async Task<string?> ShardGroupDurationAsync(CancellationToken cancellationToken)
    {
        var results = await client.QueryAsync(new InfluxQuery($"SHOW RETENTION POLICIES ON \"{options.Value.Database}\""), cancellationToken).ConfigureAwait(false);
        var series = results.SelectMany(r => r.Series).FirstOrDefault();
        if (series is null)
        {
            return null;
        }

        int duration = series.ColumnIndex("shardGroupDuration"), isDefault = series.ColumnIndex("default");
        return series.Values.FirstOrDefault(row => row[isDefault] is true)?[duration] as string;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created InfluxDB database {Database} with {Weeks}-week shards")]
    private static partial void LogCreated(ILogger logger, string database, string weeks);
}

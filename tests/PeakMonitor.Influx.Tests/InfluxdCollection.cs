using PeakMonitor.TestKit;

namespace PeakMonitor.Influx.Tests;

/// <summary>Tests in this collection share one real influxd; each takes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class InfluxdCollection : ICollectionFixture<InfluxServerFixture>
{
    public const string Name = "influxd";
}

namespace PeakMonitor.Influx;

/// <summary>
/// Where and how PeakMonitor talks to InfluxDB (configuration section <c>Influx</c>; environment
/// variables <c>Influx__Url</c>, <c>Influx__Database</c>, …).
/// </summary>
public sealed class InfluxOptions
{
    public const string SectionName = "Influx";

    /// <summary>Base URL of an InfluxDB server with the v1 HTTP API. Empty: start a managed local influxd.</summary>
    public string? Url { get; set; }

    public string Database { get; set; } = "peakmonitor";

    /// <summary>Optional credentials, sent as HTTP basic authentication; both or neither.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Lines per write request; InfluxDB recommends about 5,000.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Write requests in flight at once.</summary>
    public int WriteParallelism { get; set; } = 4;

    /// <summary>Retries after a network error, a timeout or a 5xx answer.</summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows per chunk of a chunked query response.</summary>
    public int QueryChunkSize { get; set; } = 10000;

    /// <summary>Shard group duration for a newly created database, in weeks (520w: one shard for a decade of monthly data).</summary>
    public int ShardDurationWeeks { get; set; } = 520;

    public ManagedInfluxdOptions Managed { get; set; } = new();
}

/// <summary>The local influxd started when no <see cref="InfluxOptions.Url"/> is configured.</summary>
public sealed class ManagedInfluxdOptions
{
    /// <summary>Folder for influxd's config, meta, data and WAL; relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "influxdb");

    /// <summary>The influxd executable: a name looked up on PATH, or a full path.</summary>
    public string Executable { get; set; } = "influxd";

    /// <summary>HTTP port on 127.0.0.1; 0 picks a free one.</summary>
    public int HttpPort { get; set; }

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Start influxd with <c>auth-enabled</c> (then give Influx:Username/Password; the first admin is created on a fresh server).</summary>
    public bool AuthEnabled { get; set; }
}

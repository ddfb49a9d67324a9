namespace PeakMonitor.Ingestion.Jobs;

/// <summary>Scheduled ingestion (configuration section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// Holds <c>inbox/</c> (drop files here), <c>processed/</c>, <c>rejected/</c> (with an error report
    /// beside each file), <c>failed/</c> (with the reason), <c>ingestion.db</c> (SQLite: the run history)
    /// and <c>jobs.db</c> (SQLite: Hangfire's queue and schedules) unless <c>ConnectionStrings:Jobs</c>
    /// names a PostgreSQL server. Relative paths are from the working directory.
    /// </summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "ingestion");

    /// <summary>Run a Hangfire server (workers, recurring jobs) in this process (the web app); the CLI runs jobs on demand instead.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>Cron expression of the inbox scan (5 fields, or 6 with seconds first; default: every 30 seconds).</summary>
    public string InboxCron { get; set; } = "*/30 * * * * *";

    /// <summary>A file is picked up only once it has not changed for this long (a copy may still be in progress).</summary>
    public TimeSpan InboxSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The synthetic demo feed (a simulated live monthly source, rows marked source=synthetic).</summary>
    public bool SyntheticFeedEnabled { get; set; } = true;

    /// <summary>Cron expression of the synthetic feed (default: hourly).</summary>
    public string SyntheticFeedCron { get; set; } = "0 * * * *";

    /// <summary>Hangfire workers in this process (imports take at most two of them at a time, see <see cref="FileImportJob"/>).</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// Delays before a file import whose store stayed down through the client's own retries is tried
    /// again as a new scheduled job (comma-separated; default 30 s, 2 min, 10 min). After the last it goes to <c>failed/</c>.
    /// </summary>
    public string StoreRetryDelays { get; set; } = "00:00:30, 00:02:00, 00:10:00";

    /// <summary>
    /// A job taken by a worker whose process then ended is handed to another worker (of any instance,
    /// or of the restarted one) after this long. A running worker keeps renewing its job on both stores,
    /// so a long import is not handed out twice.
    /// </summary>
    public TimeSpan RequeueAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often idle workers look for new jobs (SQLite; PostgreSQL is also woken by notifications).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The parsed <see cref="StoreRetryDelays"/>; throws <see cref="FormatException"/> naming the setting.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays()
    {
        var delays = new List<TimeSpan>();
        foreach (var part in StoreRetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TimeSpan.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var delay) || delay < TimeSpan.Zero)
            {
                throw new FormatException($"Ingestion:StoreRetryDelays: '{part}' is not a delay (hh:mm:ss).");
            }

            delays.Add(delay);
        }

        return delays;
    }

    public int SyntheticSeed { get; set; } = 2030;

    public string Inbox => Path.Combine(DataDirectory, "inbox");

    public string Working => Path.Combine(DataDirectory, "inbox", ".working");

    public string Processed => Path.Combine(DataDirectory, "processed");

    public string Rejected => Path.Combine(DataDirectory, "rejected");

    public string Failed => Path.Combine(DataDirectory, "failed");

    public string Database => Path.Combine(DataDirectory, "ingestion.db");

    /// <summary>Saved uploads waiting for (or in) their import job, one folder each.</summary>
    public string Uploads => Path.Combine(DataDirectory, "uploads");

    public void EnsureFolders()
    {
        foreach (var dir in new[] { Inbox, Working, Processed, Rejected, Failed })
        {
            Directory.CreateDirectory(dir);
        }
    }
}

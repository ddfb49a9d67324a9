namespace PeakMonitor.Ingestion.Jobs;

/// <summary>Scheduled ingestion (configuration section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// Holds <c>inbox/</c> (drop files here), <c>processed/</c>, <c>rejected/</c> (with an error report
    /// beside each file), <c>failed/</c> (with the reason), and <c>ingestion.db</c> (SQLite: Quartz's
    /// schedules and the run history). Relative paths are from the working directory.
    /// </summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "ingestion");

    /// <summary>Run the scheduler in this process (the web app); the CLI runs jobs on demand instead.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>Quartz cron expression of the inbox import (default: every 30 seconds).</summary>
    public string InboxCron { get; set; } = "0/30 * * * * ?";

    /// <summary>A file is picked up only once it has not changed for this long (a copy may still be in progress).</summary>
    public TimeSpan InboxSettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The synthetic demo feed (a simulated live monthly source, rows marked source=synthetic).</summary>
    public bool SyntheticFeedEnabled { get; set; } = true;

    /// <summary>Quartz cron expression of the synthetic feed (default: hourly).</summary>
    public string SyntheticFeedCron { get; set; } = "0 0 * * * ?";

    public int SyntheticSeed { get; set; } = 2030;

    public string Inbox => Path.Combine(DataDirectory, "inbox");

    public string Working => Path.Combine(DataDirectory, "inbox", ".working");

    public string Processed => Path.Combine(DataDirectory, "processed");

    public string Rejected => Path.Combine(DataDirectory, "rejected");

    public string Failed => Path.Combine(DataDirectory, "failed");

    public string Database => Path.Combine(DataDirectory, "ingestion.db");

    public void EnsureFolders()
    {
        foreach (var dir in new[] { Inbox, Working, Processed, Rejected, Failed })
        {
            Directory.CreateDirectory(dir);
        }
    }
}

namespace PeakMonitor.Ingestion.Import;

/// <summary>File import settings (configuration section <c>Ingestion:Import</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>Observations per write to the store during the streaming write pass.</summary>
    public int WriteChunkSize { get; set; } = 50_000;

    /// <summary>Attempts of the whole write pass when the store fails (writes are idempotent, so a retry starts over).</summary>
    public int WriteAttempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubled before each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

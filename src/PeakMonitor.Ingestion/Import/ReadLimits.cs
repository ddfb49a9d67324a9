using System.Globalization;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

/// <summary>A file went beyond one of the <see cref="ImportOptions"/> limits: the file is refused as a whole.</summary>
public sealed class ImportLimitException(CsvRowError error) : Exception(error?.ToString())
{
    public CsvRowError Error { get; } = error ?? throw new ArgumentNullException(nameof(error));
}

/// <summary>
/// The limits of one pass over one file, and the clock that pass runs against. Every refusal names the
/// file, where (line or row, column) and the setting that sets the limit, so an operator knows what to
/// change if the file is legitimate.
/// </summary>
public sealed class ReadLimits
{
    private readonly TimeProvider _time;
    private readonly long _started;

    public ReadLimits(ImportOptions options, TimeProvider time, string file)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        File = file;
        _started = time.GetTimestamp();
        Today = Domain.Series.PublishedDate.Today(time);
    }

    /// <summary>Today in China Standard Time when the pass started: no published date may lie after it.</summary>
    public DateOnly Today { get; }

    public ImportOptions Options { get; }

    public string File { get; }

    /// <summary>Limits with the default settings and the system clock (the CLI's validation, tests).</summary>
    public static ReadLimits Default(string file) => new(new ImportOptions(), TimeProvider.System, file);

    /// <summary>Refuses the file once the pass has run longer than <see cref="ImportOptions.MaxReadTime"/>.</summary>
    public void CheckTime(int line)
    {
        if (_time.GetElapsedTime(_started) > Options.MaxReadTime)
        {
            throw Refuse(line, "-", $"reading took longer than {Options.MaxReadTime:c} (limit {ImportOptions.SectionName}:{nameof(ImportOptions.MaxReadTime)})");
        }
    }

    /// <summary>The error for a limit reached at <paramref name="line"/> and <paramref name="column"/> (use "-" where neither applies).</summary>
    public ImportLimitException Refuse(int line, string column, string reason) => new(new CsvRowError(File, line, column, null, reason));

    /// <summary>"is N, over the limit of M (Ingestion:Import:Setting)" with invariant digit grouping.</summary>
    public static string Over(string what, double actual, double limit, string setting) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} {actual:#,0.##} is over the limit of {limit:#,0.##} ({ImportOptions.SectionName}:{setting})");
}

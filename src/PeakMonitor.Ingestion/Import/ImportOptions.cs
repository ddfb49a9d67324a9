using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Import;

/// <summary>
/// File import settings (configuration section <c>Ingestion:Import</c>): how the write pass runs, and the
/// limits every file is read within. A file beyond a limit is rejected with an error naming the file,
/// the limit (by its setting) and where it was reached; nothing from it is stored. The limits bound the
/// memory and time one import can take, whatever the file holds.
/// </summary>
public sealed class ImportOptions
{
    public const string SectionName = "Ingestion:Import";

    /// <summary>Observations per write to the store during the streaming write pass.</summary>
    public int WriteChunkSize { get; set; } = 50_000;

    /// <summary>Attempts of the whole write pass when the store fails (writes are idempotent, so a retry starts over).</summary>
    public int WriteAttempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubled before each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Size of the file itself (CSV text or the .xlsx archive).</summary>
    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Observations in one file. The validation pass keeps every key to find duplicates, so this bounds
    /// its memory (about 60 bytes each); split larger files.
    /// </summary>
    public int MaxObservations { get; set; } = 2_000_000;

    /// <summary>Time one pass over a file may take (the validation pass and the write pass each).</summary>
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>CSV: characters of one line (one record, quoted line breaks included).</summary>
    public int MaxLineChars { get; set; } = 1 << 20;

    /// <summary>Columns of a CSV record, and the highest column of a sheet (Excel's last column, XFD, is 16,384).</summary>
    public int MaxColumns { get; set; } = 16_384;

    /// <summary>.xlsx: cells of one row element.</summary>
    public int MaxCellsPerRow { get; set; } = 16_384;

    /// <summary>.xlsx: rows of the sheet, and the highest row number (Excel's limit is 1,048,576).</summary>
    public int MaxRows { get; set; } = 1_048_576;

    /// <summary>.xlsx: cells of the sheet, counting the empty ones before the last cell of each row (what reading them costs).</summary>
    public long MaxCells { get; set; } = 50_000_000;

    /// <summary>.xlsx: characters of one cell's text (Excel's limit is 32,767).</summary>
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>.xlsx: entries of the shared-string table, which is held in memory while the sheet is read.</summary>
    public int MaxSharedStrings { get; set; } = 1_000_000;

    /// <summary>.xlsx: characters of all shared strings together.</summary>
    public long MaxSharedStringChars { get; set; } = 20_000_000;

    /// <summary>.xlsx: bytes of all the archive's parts once decompressed (checked against the archive's directory first, then while reading).</summary>
    public long MaxUncompressedBytes { get; set; } = 512L << 20;

    /// <summary>.xlsx: how many times larger than its compressed size a part may be (zip bombs expand thousands of times; workbooks 5–20 times).</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>.xlsx: element nesting in a part's XML (a sheet needs about 7).</summary>
    public int MaxXmlDepth { get; set; } = 32;
}

/// <summary>Reports every invalid import setting at once.</summary>
public sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        void Positive(string setting, double value)
        {
            if (!(value > 0))
            {
                problems.Add($"{ImportOptions.SectionName}:{setting} must be positive (is {value}).");
            }
        }

        Positive(nameof(options.WriteChunkSize), options.WriteChunkSize);
        Positive(nameof(options.WriteAttempts), options.WriteAttempts);
        Positive(nameof(options.MaxFileBytes), options.MaxFileBytes);
        Positive(nameof(options.MaxObservations), options.MaxObservations);
        Positive(nameof(options.MaxReadTime), options.MaxReadTime.TotalSeconds);
        Positive(nameof(options.MaxLineChars), options.MaxLineChars);
        Positive(nameof(options.MaxColumns), options.MaxColumns);
        Positive(nameof(options.MaxCellsPerRow), options.MaxCellsPerRow);
        Positive(nameof(options.MaxRows), options.MaxRows);
        Positive(nameof(options.MaxCells), options.MaxCells);
        Positive(nameof(options.MaxCellChars), options.MaxCellChars);
        Positive(nameof(options.MaxSharedStrings), options.MaxSharedStrings);
        Positive(nameof(options.MaxSharedStringChars), options.MaxSharedStringChars);
        Positive(nameof(options.MaxUncompressedBytes), options.MaxUncompressedBytes);
        Positive(nameof(options.MaxXmlDepth), options.MaxXmlDepth);
        if (!(options.MaxCompressionRatio >= 1))
        {
            problems.Add($"{ImportOptions.SectionName}:MaxCompressionRatio must be at least 1 (is {options.MaxCompressionRatio}).");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            problems.Add($"{ImportOptions.SectionName}:RetryDelay must not be negative (is {options.RetryDelay}).");
        }

        if (options.MaxColumns > 16_384)
        {
            problems.Add($"{ImportOptions.SectionName}:MaxColumns must be at most 16384 (Excel's column XFD; is {options.MaxColumns}).");
        }

        if (options.MaxRows > 1_048_576)
        {
            problems.Add($"{ImportOptions.SectionName}:MaxRows must be at most 1048576 (Excel's last row; is {options.MaxRows}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

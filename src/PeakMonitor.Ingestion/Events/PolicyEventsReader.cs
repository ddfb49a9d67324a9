using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PeakMonitor.Domain.Events;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Events;

/// <summary>
/// Reads the policy events file (<c>seed-data/events/events.csv</c>):
/// <c>date,title_zh,title_en,kind,source[,document,note]</c> with the date as YYYY-MM-DD (YYYY-MM where a
/// source documents only the month: no day is invented), kind one of
/// announcement, plan, rule, and source the http(s) address where the document was read. Like the
/// targets file, it is accepted whole or rejected with every problem listed (file, line, column, value,
/// reason), and read within limits so that no file, however made, costs more than a small one.
/// </summary>
public static class PolicyEventsReader
{
    /// <summary>A landmark list is a few dozen rows; a megabyte is far beyond any real one.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public const int MaxEvents = 10_000;

    public const int MaxUrlLength = 2000;

    private static readonly string[] Required = ["date", "title_zh", "title_en", "kind", "source"];
    private static readonly string[] Optional = ["document", "note"];

    /// <summary>The events of the configured file, or none when no file is configured or it is absent (events are optional); a malformed file still throws.</summary>
    public static async Task<IReadOnlyList<PolicyEvent>> ReadOptionalAsync(string? path, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(path) && File.Exists(path)
            ? await ReadFileAsync(path, cancellationToken).ConfigureAwait(false)
            : [];

    public static async Task<IReadOnlyList<PolicyEvent>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new CsvImportException([new CsvRowError(name, 0, "-", null, $"file not found: {path}")]);
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new CsvImportException([new CsvRowError(name, 0, "-", null, string.Create(CultureInfo.InvariantCulture, $"the file is {length:N0} bytes, over the limit of {MaxFileBytes:N0} for an events file"))]);
        }

        using var text = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(text, name, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<PolicyEvent>> ReadAsync(TextReader text, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CsvRowError>();
        var events = new List<PolicyEvent>();
        var seen = new Dictionary<(DateOnly, string), int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = args => errors.Add(new CsvRowError(fileName, args.Context.Parser?.RawRow ?? 0, "-", null, "malformed quoting")),
        };
        using var parser = new CsvParser(text, config);
        Dictionary<string, int>? columns = null;
        try
        {
            while (await parser.ReadAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var line = parser.RawRow;
                var record = parser.Record ?? [];
                if (columns is null)
                {
                    columns = Header(record, fileName, line, errors);
                    if (columns is null)
                    {
                        break;
                    }

                    continue;
                }

                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (events.Count >= MaxEvents)
                {
                    errors.Add(new CsvRowError(fileName, line, "-", null, string.Create(CultureInfo.InvariantCulture, $"more than {MaxEvents:N0} events")));
                    break;
                }

                if (record.Length != columns.Count)
                {
                    errors.Add(new CsvRowError(fileName, line, "-", null, $"has {record.Length} fields; the header has {columns.Count}"));
                    continue;
                }

                if (Row(record, columns, fileName, line, errors) is { } e)
                {
                    if (seen.TryGetValue((e.Date, e.TitleZh), out var first))
                    {
                        errors.Add(new CsvRowError(fileName, line, "title_zh", Shown(e.TitleZh), $"duplicate of line {first} (same date and title)"));
                    }
                    else
                    {
                        seen[(e.Date, e.TitleZh)] = line;
                        events.Add(e);
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new CsvRowError(fileName, parser.RawRow, "-", null, "the file is not valid UTF-8 (save it as UTF-8)"));
        }

        if (columns is null && errors.Count == 0)
        {
            errors.Add(new CsvRowError(fileName, 1, "-", null, "the file is empty: it needs the header " + string.Join(",", Required)));
        }

        if (errors.Count > 0)
        {
            throw new CsvImportException(errors);
        }

        return events.OrderBy(e => e.Date).ToArray();
    }

    private static Dictionary<string, int>? Header(string[] header, string file, int line, List<CsvRowError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                errors.Add(new CsvRowError(file, line, Shown(name) ?? "-", null, $"unknown column; allowed: {string.Join(", ", Required.Concat(Optional))}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new CsvRowError(file, line, name, null, "column appears twice"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new CsvRowError(file, line, missing, null, "required column is missing"));
        }

        return errors.Count == 0 ? columns : null;
    }

    private static PolicyEvent? Row(string[] record, Dictionary<string, int> columns, string file, int line, List<CsvRowError> errors)
    {
        var before = errors.Count;
        string Cell(string column) => columns.TryGetValue(column, out var i) ? record[i].Trim() : string.Empty;
        void Error(string column, string reason) => errors.Add(new CsvRowError(file, line, column, Shown(Cell(column)), reason));

        var monthOnly = Cell("date").Length == 7;
        if (!DateOnly.TryParseExact(Cell("date"), monthOnly ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error("date", "not a date: use YYYY-MM-DD, or YYYY-MM where only the month is documented");
        }
        else if (date.Year is < Domain.Series.Period.MinYear or > Domain.Series.Period.MaxYear)
        {
            Error("date", $"outside {Domain.Series.Period.MinYear}–{Domain.Series.Period.MaxYear}");
        }

        foreach (var title in new[] { "title_zh", "title_en" })
        {
            var value = Cell(title);
            if (value.Length == 0)
            {
                Error(title, "required: every event has a title in both languages");
            }
            else if (value.Length > PolicyEvent.MaxTitleLength)
            {
                Error(title, $"{value.Length} characters, over the limit of {PolicyEvent.MaxTitleLength}");
            }
            else if (value.Any(char.IsControl))
            {
                Error(title, "contains control characters");
            }
        }

        if (!PolicyEventKinds.TryParse(Cell("kind"), out var kind))
        {
            Error("kind", $"use one of {string.Join(", ", Enum.GetValues<PolicyEventKind>().Select(k => k.Id()))}");
        }

        var sourceText = Cell("source");
        Uri? source = null;
        if (sourceText.Length > MaxUrlLength)
        {
            Error("source", $"{sourceText.Length} characters, over the limit of {MaxUrlLength}");
        }
        else if (!Uri.TryCreate(sourceText, UriKind.Absolute, out source) || (source.Scheme != Uri.UriSchemeHttps && source.Scheme != Uri.UriSchemeHttp))
        {
            Error("source", "not an http(s) address: every event names where its document can be read");
        }

        foreach (var column in new[] { "document", "note" })
        {
            if (Cell(column).Length > (column == "note" ? MaxUrlLength : PolicyEvent.MaxTitleLength))
            {
                Error(column, $"over the limit of {(column == "note" ? MaxUrlLength : PolicyEvent.MaxTitleLength)} characters");
            }
        }

        return errors.Count == before ? new PolicyEvent(date, Cell("title_zh"), Cell("title_en"), kind, source!, Cell("document"), monthOnly, Cell("note")) : null;
    }

    /// <summary>A rejected value quoted back at most 80 characters long, so that a hostile cell cannot flood the message.</summary>
    private static string? Shown(string? value) =>
        value is null ? null : value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");
}

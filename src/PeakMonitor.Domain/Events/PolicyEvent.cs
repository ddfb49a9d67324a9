namespace PeakMonitor.Domain.Events;

/// <summary>What kind of landmark a policy event is.</summary>
public enum PolicyEventKind
{
    /// <summary>A commitment announced (e.g. the 2020-09-22 dual-carbon announcement).</summary>
    Announcement,

    /// <summary>A plan or guiding opinion that sets targets and tasks (e.g. 国发〔2021〕23号).</summary>
    Plan,

    /// <summary>A rule that changes how a target is counted or controlled (e.g. feedstock use leaving the energy count).</summary>
    Rule,
}

/// <summary>
/// A dated policy landmark shown as a marker on time charts and in reports (issue 18): its date, title in
/// both languages, kind, and where the document can be read. Checked when constructed, like the other
/// domain values: a marker that cannot say where it comes from is not a marker.
/// </summary>
public sealed record PolicyEvent
{
    /// <summary>Longest title accepted: a chart label, not a paragraph.</summary>
    public const int MaxTitleLength = 200;

    public PolicyEvent(DateOnly date, string titleZh, string titleEn, PolicyEventKind kind, Uri source, string? document = null, bool monthOnly = false, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (date.Year is < Series.Period.MinYear or > Series.Period.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"An event's date must fall in {Series.Period.MinYear}–{Series.Period.MaxYear}.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind.");
        }

        if (!source.IsAbsoluteUri || (source.Scheme != Uri.UriSchemeHttps && source.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("An event's source must be an absolute http(s) address.", nameof(source));
        }

        Date = date;
        TitleZh = Title(titleZh, nameof(titleZh));
        TitleEn = Title(titleEn, nameof(titleEn));
        Kind = kind;
        Source = source;
        Document = string.IsNullOrWhiteSpace(document) ? null : document.Trim();
        MonthOnly = monthOnly;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (monthOnly && date.Day != 1)
        {
            throw new ArgumentException("A month-only date is the first of its month.", nameof(date));
        }
    }

    /// <summary>The day of the event, or the first of its month when only the month is known (<see cref="MonthOnly"/>).</summary>
    public DateOnly Date { get; }

    /// <summary>Only the month is documented (a source shows the month, not the day): shown as YYYY-MM, never with an invented day.</summary>
    public bool MonthOnly { get; }

    /// <summary>YYYY-MM-DD, or YYYY-MM for a month-only date.</summary>
    public string DateText => Date.ToString(MonthOnly ? "yyyy-MM" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string TitleZh { get; }

    public string TitleEn { get; }

    public PolicyEventKind Kind { get; }

    /// <summary>Where the document's text was read.</summary>
    public Uri Source { get; }

    /// <summary>The document's number or issuer, e.g. 国发〔2021〕23号.</summary>
    public string? Document { get; }

    /// <summary>What the source is (a reproduction, a report quoting the document …).</summary>
    public string? Note { get; }

    private static string Title(string? text, string name)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException("An event needs a title in both languages.", name);
        }

        if (trimmed.Length > MaxTitleLength)
        {
            throw new ArgumentException($"A title is at most {MaxTitleLength} characters.", name);
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new ArgumentException("A title must not contain control characters.", name);
        }

        return trimmed;
    }
}

/// <summary>The kinds' ids in the events file.</summary>
public static class PolicyEventKinds
{
    public static string Id(this PolicyEventKind kind) => kind switch
    {
        PolicyEventKind.Announcement => "announcement",
        PolicyEventKind.Plan => "plan",
        _ => "rule",
    };

    public static bool TryParse(string? text, out PolicyEventKind kind)
    {
        foreach (var k in Enum.GetValues<PolicyEventKind>())
        {
            if (string.Equals(text?.Trim(), k.Id(), StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

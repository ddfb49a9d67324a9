using PeakMonitor.Domain.Series;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// A page's <c>asOf</c> query value (the date pickers): empty for the latest vintage, else a
/// YYYY-MM-DD day from 1949 up to today (China Standard Time), parsed by the one published-date rule.
/// </summary>
public readonly record struct AsOfDate(DateOnly? Day, string? Problem)
{
    public static AsOfDate Parse(string? text, TimeProvider time) =>
        string.IsNullOrWhiteSpace(text) ? default
        : PublishedDate.TryParse(text, PublishedDate.Today(time), out var day) is { } problem ? new AsOfDate(null, problem)
        : new AsOfDate(day, null);

    /// <summary>The value for the picker and for links (empty when the latest is shown).</summary>
    public string Text => PublishedDate.ToText(Day) ?? string.Empty;

    /// <summary>"&amp;asOf=…" for a link that keeps the page's date, or nothing.</summary>
    public string Query => Day is null ? string.Empty : "&asOf=" + Text;
}

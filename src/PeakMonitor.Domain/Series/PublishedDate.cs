using System.Globalization;

namespace PeakMonitor.Domain.Series;

/// <summary>
/// The date a value was published (its vintage): <c>YYYY-MM-DD</c>, from 1949-01-01 (the years the
/// product knows start in 1949) up to today in China Standard Time — Chinese statistics are published on
/// Beijing's calendar, so a figure released this morning in Beijing is not refused as "in the future"
/// while it is still yesterday in UTC.
/// </summary>
public static class PublishedDate
{
    public const string Format = "yyyy-MM-dd";

    public static DateOnly Earliest { get; } = new(Period.MinYear, 1, 1);

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China Standard Time.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
    }

    /// <summary>Parses and checks a published date; returns the problem in words, or null when <paramref name="date"/> is good.</summary>
    public static string? TryParse(string? text, DateOnly today, out DateOnly date)
    {
        if (!DateOnly.TryParseExact((text ?? string.Empty).Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return "not a date: use YYYY-MM-DD (e.g. 2021-12-17)";
        }

        if (date < Earliest)
        {
            return "a published date before 1949-01-01 is not accepted";
        }

        return date > today ? $"a published date in the future (today is {ToText(today)}) is not accepted" : null;
    }

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToText(DateOnly? date) => date is { } d ? ToText(d) : null;

    /// <summary>The date as the number yyyymmdd (how the store keeps it in a numeric field, so that "latest" is a max).</summary>
    public static int ToNumber(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    /// <summary>The date of a yyyymmdd number, or null when it is not one.</summary>
    public static DateOnly? FromNumber(double number)
    {
        if (!double.IsFinite(number) || number < 10000101 || number > 99991231)
        {
            return null;
        }

        var n = (int)number;
        int year = n / 10000, month = n / 100 % 100, day = n % 100;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>Orders vintages: an unknown date (values stored before vintages existed) before every known one.</summary>
    public static int Compare(DateOnly? a, DateOnly? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        ({ } x, { } y) => x.CompareTo(y),
    };
}

using System.Globalization;

namespace PeakMonitor.Domain.Series;

public enum Frequency
{
    Annual,
    Monthly,
}

/// <summary>
/// A reporting period: a calendar year (<c>YYYY</c>) or month (<c>YYYY-MM</c>), as in the canonical
/// CSV (indicators.md). For stocks it means the end of the period, for flows the whole period; the
/// store keys a period by its first instant in UTC.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    public const int MinYear = 1949;
    public const int MaxYear = 2100;

    private Period(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    /// <summary>1–12 for a monthly period, 0 for an annual one.</summary>
    public int Month { get; }

    public Frequency Frequency => Month == 0 ? Frequency.Annual : Frequency.Monthly;

    public static Period OfYear(int year)
    {
        CheckYear(year);
        return new Period(year, 0);
    }

    public static Period OfMonth(int year, int month)
    {
        CheckYear(year);
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "A month is 1 to 12.");
        }

        return new Period(year, month);
    }

    /// <summary>The first instant of the period, UTC.</summary>
    public DateTimeOffset Start => new(Year, Month == 0 ? 1 : Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant after the period, UTC.</summary>
    public DateTimeOffset End => Month == 0 ? Start.AddYears(1) : Start.AddMonths(1);

    /// <summary>The period of this frequency that starts at <paramref name="start"/> (a value read back from the store).</summary>
    public static Period FromStart(DateTimeOffset start, Frequency frequency)
    {
        var utc = start.ToUniversalTime();
        return frequency == Frequency.Annual ? OfYear(utc.Year) : OfMonth(utc.Year, utc.Month);
    }

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || (s.Length != 4 && s.Length != 7))
        {
            return false;
        }

        if (!TryDigits(s.AsSpan(0, 4), out var year) || year is < MinYear or > MaxYear)
        {
            return false;
        }

        if (s.Length == 4)
        {
            period = new Period(year, 0);
            return true;
        }

        if (s[4] != '-' || !TryDigits(s.AsSpan(5, 2), out var month) || month is < 1 or > 12)
        {
            return false;
        }

        period = new Period(year, month);
        return true;
    }

    /// <summary>
    /// The one year parser of the product (API, pages, reports, CLI, targets file): four digits,
    /// surrounding white space allowed, <see cref="MinYear"/>–<see cref="MaxYear"/>.
    /// </summary>
    public static bool TryParseYear(string? text, out int year)
    {
        year = 0;
        if (TryParse(text, out var period) && period.Frequency == Frequency.Annual)
        {
            year = period.Year;
            return true;
        }

        return false;
    }

    /// <summary>Whether a number is a year this product handles.</summary>
    public static bool IsYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>The sentence every year error uses.</summary>
    public static string YearRule => $"a year from {MinYear} to {MaxYear}, four digits";

    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period: use YYYY or YYYY-MM ({MinYear}–{MaxYear}).");

    public int CompareTo(Period other) => Start.CompareTo(other.Start) is var c && c != 0 ? c : Month.CompareTo(other.Month);

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Month == 0
            ? Year.ToString("D4", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A year is {MinYear} to {MaxYear}.");
        }
    }

    // Digits only: int.TryParse would accept signs and white space inside the period.
    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// One number per province at two anchor years (e.g. a weight in 2005 and in 2024), in the order
/// of <see cref="ProvinceProfiles.Codes"/>. Between the anchors the value moves in a straight
/// line; before the first it stays at the first; after the second it continues the line up to
/// <see cref="ProvinceProfiles.FreezeYear"/> and then stays there, so a live feed far beyond the
/// seed years keeps plausible provincial shares. Never negative. Inventory themes may also extend
/// their line back before the first anchor and flatten it after the second (<c>slopeAfter</c>).
/// </summary>
internal sealed class ProfileTheme
{
    private readonly (double A, double B)[] _values;

    private readonly int _firstYear;
    private readonly double _slopeAfter;

    public ProfileTheme(int yearA, int yearB, (double A, double B)[] values, int? extendBackTo = null, double slopeAfter = 1)
    {
        if (values.Length != ProvinceProfiles.Codes.Length)
        {
            throw new ArgumentException($"A profile theme has one value per province ({ProvinceProfiles.Codes.Length}); this one has {values.Length}.", nameof(values));
        }

        if (yearB <= yearA)
        {
            throw new ArgumentOutOfRangeException(nameof(yearB), yearB, "The second anchor year must come after the first.");
        }

        YearA = yearA;
        YearB = yearB;
        _values = values;
        _firstYear = Math.Min(yearA, extendBackTo ?? yearA);
        _slopeAfter = slopeAfter;
    }

    public int YearA { get; }

    public int YearB { get; }

    public double At(int province, int year)
    {
        var (a, b) = _values[province];
        var clamped = Math.Clamp(year, _firstYear, Math.Max(YearB, ProvinceProfiles.FreezeYear));
        var slope = (b - a) / (YearB - YearA);
        var value = clamped <= YearB
            ? a + (slope * (clamped - YearA))
            : b + (slope * _slopeAfter * (clamped - YearB));
        return Math.Max(0, value);
    }
}

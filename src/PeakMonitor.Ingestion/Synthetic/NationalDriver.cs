namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>How a national series is carried past its last published year (and, for inventories, before its first).</summary>
internal enum Extrapolation
{
    /// <summary>Constant growth rate: the mean annual rate of the last three years (energy, GDP, population, forest stock).</summary>
    Geometric,

    /// <summary>Constant annual additions: the mean increment of the last two years, never negative (installed capacities).</summary>
    Increment,

    /// <summary>The straight line through the last two published values (forest coverage, a level).</summary>
    Linear,
}

/// <summary>
/// The national value of one indicator for any year, as the provincial generator needs it: the
/// published value where there is one; between two published years a log-linear (or, with a zero,
/// linear) interpolation; after the last one the <see cref="Extrapolation"/> of its kind. Before the
/// first published year there is no value, except for periodic inventories
/// (<paramref name="backward"/>), which are carried back along their first two values.
/// </summary>
internal sealed class NationalDriver(SortedDictionary<int, double> known, Extrapolation extrapolation, bool backward)
{
    private readonly int[] _years = [.. known.Keys];

    public int FirstYear => _years[0];

    public int LastYear => _years[^1];

    /// <summary>True when <paramref name="year"/> has a published value (not an interpolation or extrapolation).</summary>
    public bool IsPublished(int year) => known.ContainsKey(year);

    public double? At(int year)
    {
        if (known.TryGetValue(year, out var value))
        {
            return value;
        }

        if (year > LastYear)
        {
            return Forward(year);
        }

        if (year < FirstYear)
        {
            return backward && _years.Length > 1 ? Backward(year) : null;
        }

        var after = Array.FindIndex(_years, y => y > year);
        return Interpolate(_years[after - 1], _years[after], year);
    }

    private double Interpolate(int y0, int y1, int year)
    {
        double v0 = known[y0], v1 = known[y1];
        var t = (year - y0) / (double)(y1 - y0);
        return v0 > 0 && v1 > 0 ? v0 * Math.Pow(v1 / v0, t) : v0 + ((v1 - v0) * t);
    }

    private double Forward(int year)
    {
        var last = known[LastYear];
        var ahead = year - LastYear;
        switch (extrapolation)
        {
            case Extrapolation.Increment:
            {
                var span = Math.Min(2, LastYear - FirstYear);
                var increment = span == 0 ? 0 : (last - At(LastYear - span)!.Value) / span;
                return last + (Math.Max(0, increment) * ahead);
            }

            case Extrapolation.Linear:
            {
                var previous = _years.Length > 1 ? _years[^2] : LastYear;
                var slope = previous == LastYear ? 0 : (last - known[previous]) / (LastYear - previous);
                return Math.Clamp(last + (slope * ahead), 0, 100);
            }

            default:
            {
                var span = Math.Min(3, LastYear - FirstYear);
                var start = span == 0 ? last : At(LastYear - span)!.Value;
                var rate = span == 0 || start <= 0 || last <= 0 ? 1 : Math.Pow(last / start, 1.0 / span);
                return last * Math.Pow(rate, ahead);
            }
        }
    }

    private double Backward(int year)
    {
        double v0 = known[_years[0]], v1 = known[_years[1]];
        var years = _years[1] - _years[0];
        var behind = _years[0] - year;
        return extrapolation == Extrapolation.Linear
            ? Math.Clamp(v0 - ((v1 - v0) / years * behind), 0, 100)
            : v0 * Math.Pow(v0 / v1, behind / (double)years);
    }
}

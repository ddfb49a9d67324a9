namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Where CO2 emissions stand against a peak deadline, from the data up to one year: whether the peak
/// rule (<see cref="PeakRule"/>) confirms a peak; the recent and the earlier compound growth; a plateau
/// test; and the year the peak would come if growth kept slowing as it has.
/// <para>
/// Plateau test: a least-squares line through the last <see cref="KpiJudgementOptions.PeakPlateauYears"/>
/// values; the series is on a plateau when its slope is not distinguishable from zero, i.e. |t| is
/// below Student's t at 95% (two-sided, n − 2 degrees of freedom).
/// Projected peak: growth is assumed to keep falling by as much per year as it fell between the two
/// windows, (g_earlier − g_recent)/n, so it reaches zero g_recent/that years after the latest year.
/// </para>
/// </summary>
public sealed record PeakOutlook
{
    public required PeakState State { get; init; }

    /// <summary>The confirmed peak year (when <see cref="State"/> is peaked).</summary>
    public int? PeakYear { get; init; }

    /// <summary>The latest year with a CO2 value up to the judged year.</summary>
    public int? LatestYear { get; init; }

    /// <summary>The n of the growth windows (<see cref="KpiJudgementOptions.RecentRateYears"/>).</summary>
    public int RecentYears { get; init; }

    /// <summary>Compound annual growth over the last n years, %.</summary>
    public double? RecentGrowth { get; init; }

    /// <summary>Compound annual growth over the n years before those, %.</summary>
    public double? EarlierGrowth { get; init; }

    /// <summary>The plateau window's least-squares slope as a percent of its mean level per year.</summary>
    public double? TrendSlopePercent { get; init; }

    /// <summary>The slope's t statistic (slope ÷ its standard error).</summary>
    public double? TStatistic { get; init; }

    /// <summary>Years in the plateau window actually used.</summary>
    public int PlateauWindow { get; init; }

    /// <summary>True when the recent trend is not distinguishable from zero (95%, two-sided).</summary>
    public bool Plateau { get; init; }

    /// <summary>The year growth would reach zero if it kept slowing at its recent pace; null when it is not slowing.</summary>
    public int? ProjectedPeakYear { get; init; }

    /// <param name="history">Annual CO2 values up to the judged year, oldest first.</param>
    public static PeakOutlook Evaluate(IReadOnlyList<(int Year, double Value)> history, KpiJudgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var (state, peakYear) = PeakRule.Evaluate(history, options);
        if (history.Count == 0)
        {
            return new PeakOutlook { State = state, RecentYears = options.RecentRateYears };
        }

        var latest = history[^1];
        double? At(int year)
        {
            foreach (var (y, v) in history)
            {
                if (y == year)
                {
                    return v;
                }
            }

            return null;
        }

        var n = options.RecentRateYears;
        double? recent = At(latest.Year - n) is { } p ? Trajectory.CompoundGrowth(p, latest.Value, n) : null;
        double? earlier = At(latest.Year - n) is { } p2 && At(latest.Year - (2 * n)) is { } e ? Trajectory.CompoundGrowth(e, p2, n) : null;

        var window = history.Where(h => h.Year > latest.Year - options.PeakPlateauYears).ToArray();
        var (slope, t) = SlopeAndT(window);
        var mean = window.Length > 0 ? window.Average(h => h.Value) : 0;
        var plateau = t is { } tt && window.Length >= 3 && Math.Abs(tt) < StudentT95(window.Length - 2);

        int? projected = null;
        if (recent is { } g && earlier is { } ge && g > 0 && ge > g)
        {
            var slowingPerYear = (ge - g) / n;
            projected = latest.Year + (int)Math.Ceiling(g / slowingPerYear);
        }

        return new PeakOutlook
        {
            State = state,
            PeakYear = peakYear,
            LatestYear = latest.Year,
            RecentYears = n,
            RecentGrowth = recent,
            EarlierGrowth = earlier,
            TrendSlopePercent = slope is { } s && mean > 0 ? s / mean * 100 : null,
            TStatistic = t,
            PlateauWindow = window.Length,
            Plateau = plateau,
            ProjectedPeakYear = projected,
        };
    }

    /// <summary>Least-squares slope and its t statistic; a perfect fit has an infinite t (no plateau unless the slope is zero).</summary>
    private static (double? Slope, double? T) SlopeAndT(IReadOnlyList<(int Year, double Value)> points)
    {
        if (points.Count < 3)
        {
            return (null, null);
        }

        var mx = points.Average(p => (double)p.Year);
        var my = points.Average(p => p.Value);
        double sxx = 0, sxy = 0;
        foreach (var (x, y) in points)
        {
            sxx += (x - mx) * (x - mx);
            sxy += (x - mx) * (y - my);
        }

        var slope = sxy / sxx;
        double sse = 0;
        foreach (var (x, y) in points)
        {
            var residual = y - (my + (slope * (x - mx)));
            sse += residual * residual;
        }

        var se = Math.Sqrt(sse / (points.Count - 2) / sxx);
        return (slope, se > 0 ? slope / se : slope == 0 ? 0 : double.PositiveInfinity * Math.Sign(slope));
    }

    /// <summary>Student's t, two-sided 95% (the standard table); 1.96 beyond 30 degrees of freedom.</summary>
    internal static double StudentT95(int degreesOfFreedom) => degreesOfFreedom switch
    {
        <= 1 => 12.706,
        2 => 4.303,
        3 => 3.182,
        4 => 2.776,
        5 => 2.571,
        6 => 2.447,
        7 => 2.365,
        8 => 2.306,
        9 => 2.262,
        10 => 2.228,
        <= 15 => 2.131,
        <= 20 => 2.086,
        <= 30 => 2.042,
        _ => 1.96,
    };
}

using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Domain.Outlook;

/// <summary>
/// The plateau test: an ordinary least-squares line through the last n annual values,
/// slope b = Sxy/Sxx with standard error se = √(SSE/(n − 2)/Sxx), t = b/se, and the 95% interval
/// b ± t₀.₉₇₅(n − 2)·se (Student's t, two-sided). The trend is distinguishable from zero when the
/// interval excludes zero (|t| ≥ t₀.₉₇₅); a plateau is the opposite. Slope and interval are also given
/// in percent of the window's mean level per year so regions of any size compare.
/// </summary>
public sealed record TrendTest
{
    public required int FromYear { get; init; }

    public required int ToYear { get; init; }

    public required int Points { get; init; }

    /// <summary>Units per year.</summary>
    public required double Slope { get; init; }

    public required double StandardError { get; init; }

    /// <summary>b/se; infinite for a perfect non-flat fit.</summary>
    public required double TStatistic { get; init; }

    public required int DegreesOfFreedom { get; init; }

    /// <summary>The two-sided 95% critical value used.</summary>
    public required double CriticalT { get; init; }

    public required double SlopePercentPerYear { get; init; }

    public required double CiLowPercentPerYear { get; init; }

    public required double CiHighPercentPerYear { get; init; }

    /// <summary>True when the 95% interval of the slope contains zero: not distinguishable from flat.</summary>
    public required bool Plateau { get; init; }

    /// <summary>The test on the last <paramref name="years"/> values; null with fewer than three points.</summary>
    public static TrendTest? Of(IReadOnlyList<(int Year, double Value)> history, int years)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return null;
        }

        var last = history[^1].Year;
        var points = history.Where(h => h.Year > last - years).ToArray();
        if (points.Length < 3)
        {
            return null;
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

        var df = points.Length - 2;
        var se = Math.Sqrt(sse / df / sxx);
        var t = se > 0 ? slope / se : slope == 0 ? 0 : double.PositiveInfinity * Math.Sign(slope);
        var critical = PeakOutlook.StudentT95(df);
        var scale = my != 0 ? 100 / Math.Abs(my) : 0;
        return new TrendTest
        {
            FromYear = points[0].Year,
            ToYear = last,
            Points = points.Length,
            Slope = slope,
            StandardError = se,
            TStatistic = t,
            DegreesOfFreedom = df,
            CriticalT = critical,
            SlopePercentPerYear = slope * scale,
            CiLowPercentPerYear = (slope - (critical * se)) * scale,
            CiHighPercentPerYear = (slope + (critical * se)) * scale,
            Plateau = Math.Abs(t) < critical,
        };
    }
}

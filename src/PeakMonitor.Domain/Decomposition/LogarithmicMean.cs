namespace PeakMonitor.Domain.Decomposition;

/// <summary>
/// The logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a, the weight of the additive LMDI
/// decomposition (B.W. Ang, "The LMDI approach to decomposition analysis: a practical guide", Energy
/// Policy 33 (2005) 867–871, eq. 5 and the definition under it). Defined for positive numbers only: the
/// logarithm of zero or of a negative number does not exist, so such inputs are refused rather than
/// replaced by a small value (the guide's workaround), which would hide a data gap behind a number.
/// </summary>
public static class LogarithmicMean
{
    /// <summary>
    /// Below this |a − b| / (a + b) the closed form loses digits to cancellation (ln a − ln b of two
    /// nearly equal numbers); the series is exact to double precision there (its next term is u⁸ ≈ 1e-24).
    /// </summary>
    private const double SeriesThreshold = 1e-3;

    /// <summary>L(a, b) for positive, finite a and b.</summary>
    /// <exception cref="ArgumentOutOfRangeException">a or b is zero, negative, infinite or NaN.</exception>
    public static double Of(double a, double b)
    {
        Check(a, nameof(a));
        Check(b, nameof(b));
        if (a == b)
        {
            return a;
        }

        // L is symmetric; computing it in one order makes the rounding symmetric too.
        if (a < b)
        {
            (a, b) = (b, a);
        }

        // With u = (a − b)/(a + b): ln a − ln b = 2 atanh(u), so L = ((a + b)/2) · u / atanh(u) and
        // u / atanh(u) = 1 / (1 + u²/3 + u⁴/5 + u⁶/7 + …). a − b and a + b are exact enough; no cancellation.
        // Halved first when a + b would overflow (both near double.MaxValue); u is unchanged by the scale.
        var sum = a + b;
        var mean = double.IsFinite(sum) ? sum / 2 : (a / 2) + (b / 2);
        var u = double.IsFinite(sum) ? (a - b) / sum : ((a / 2) - (b / 2)) / mean / 2;
        if (Math.Abs(u) < SeriesThreshold)
        {
            var u2 = u * u;
            return mean / (1 + (u2 * ((1.0 / 3) + (u2 * ((1.0 / 5) + (u2 / 7))))));
        }

        // ln(a/b) rounds once; ln a − ln b would round twice and lose |ln a| digits. The ratio only
        // overflows for values hundreds of orders of magnitude apart, where the difference of logs is exact enough.
        var ratio = a / b;
        var logRatio = double.IsFinite(ratio) && ratio > 0 ? Math.Log(ratio) : Math.Log(a) - Math.Log(b);
        return (a - b) / logRatio;
    }

    private static void Check(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The logarithmic mean is defined for positive, finite numbers only.");
        }
    }
}

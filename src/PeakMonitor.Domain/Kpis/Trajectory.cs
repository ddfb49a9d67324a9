namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Path and rate arithmetic of action-plan-kpis.md §5.3. Percent arguments and results are percent
/// numbers (18 means 18%). Every method returns null where the quantity is undefined rather than a
/// made-up number.
/// </summary>
public static class Trajectory
{
    /// <summary>Linear expected path E(y) = B + (T − B)·(y − y0)/(yT − y0), clamped to the target after yT (§5.3).</summary>
    public static double Linear(double baseline, double target, int baselineYear, int targetYear, int year)
    {
        if (year >= targetYear)
        {
            return target;
        }

        return baseline + ((target - baseline) * (year - baselineYear) / (targetYear - baselineYear));
    }

    /// <summary>
    /// Geometric path of a reduction target: a constant annual decline of the intensity, so that
    /// I(y)/I(y0) = (1 − R_T)^((y − y0)/(yT − y0)); returns the expected reduction R(y) in percent (§5.3).
    /// </summary>
    public static double GeometricReduction(double targetReductionPercent, int baselineYear, int targetYear, int year)
    {
        if (year >= targetYear)
        {
            return targetReductionPercent;
        }

        var ratio = Math.Pow(1 - (targetReductionPercent / 100), (double)(year - baselineYear) / (targetYear - baselineYear));
        return (1 - ratio) * 100;
    }

    /// <summary>The constant annual intensity decline implied by a reduction over a number of years (−13.5% over 5 years ≈ 2.86%/yr).</summary>
    public static double ImpliedAnnualDecline(double reductionPercent, int years) =>
        (1 - Math.Pow(1 - (reductionPercent / 100), 1.0 / years)) * 100;

    /// <summary>
    /// Chains two successive reductions: R(a→c) = 1 − (1 − R(a→b))·(1 − R(b→c)). With 48.4% over
    /// 2005–2020 and 18% over 2020–2025 this is 57.7% over 2005–2025 (§5.3, "Chained baselines").
    /// </summary>
    public static double ChainReductions(double firstPercent, double secondPercent) =>
        (1 - ((1 - (firstPercent / 100)) * (1 - (secondPercent / 100)))) * 100;

    /// <summary>The reduction in percent of an intensity relative to its baseline: (1 − I/I0)·100.</summary>
    public static double? Reduction(double? intensity, double? baselineIntensity) =>
        intensity is { } i && baselineIntensity is { } b && b > 0 ? (1 - (i / b)) * 100 : null;

    /// <summary>Share of the distance from baseline to target covered, in percent: (A − B)/(T − B)·100; undefined when T = B.</summary>
    public static double? Progress(double actual, double baseline, double target) =>
        target == baseline ? null : (actual - baseline) / (target - baseline) * 100;

    /// <summary>Compound annual growth in percent from <paramref name="from"/> to <paramref name="to"/> over <paramref name="years"/>.</summary>
    public static double? CompoundGrowth(double from, double to, int years) =>
        years > 0 && from > 0 && to > 0 ? (Math.Pow(to / from, 1.0 / years) - 1) * 100 : null;

    /// <summary>
    /// The annual intensity decline still required, in percent: r = 1 − (I_T/I(y))^(1/(yT − y)), where
    /// I_T/I(y) = (1 − R_T)/(1 − R(y)) in terms of reductions against the same baseline (§5.3).
    /// </summary>
    public static double? RequiredAnnualDecline(double currentReductionPercent, double targetReductionPercent, int yearsLeft)
    {
        if (yearsLeft <= 0 || currentReductionPercent >= 100 || targetReductionPercent >= 100)
        {
            return null;
        }

        var ratio = (1 - (targetReductionPercent / 100)) / (1 - (currentReductionPercent / 100));
        return (1 - Math.Pow(ratio, 1.0 / yearsLeft)) * 100;
    }

    /// <summary>Least-squares line through (year, value) points, evaluated at <paramref name="atYear"/>; null with fewer than two years.</summary>
    public static double? LinearTrend(IReadOnlyList<(int Year, double Value)> points, int atYear)
    {
        if (points.Count < 2)
        {
            return null;
        }

        double meanX = 0, meanY = 0;
        for (var i = 0; i < points.Count; i++)
        {
            meanX += points[i].Year;
            meanY += points[i].Value;
        }

        meanX /= points.Count;
        meanY /= points.Count;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var dx = points[i].Year - meanX;
            sxx += dx * dx;
            sxy += dx * (points[i].Value - meanY);
        }

        return sxx == 0 ? null : meanY + (sxy / sxx * (atYear - meanX));
    }
}

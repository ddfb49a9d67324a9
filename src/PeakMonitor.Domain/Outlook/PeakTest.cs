using System.Globalization;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Kpis.Formulas;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Outlook;

/// <summary>The probability that CO2 peaks in one year (the last bucket: the horizon or later).</summary>
public sealed record PeakYearProbability(int Year, double Probability, bool OrLater = false);

/// <summary>
/// The latest year estimated from its months: the year before's annual value scaled by the ratio of the
/// same months in both years (year-to-date against the same period a year earlier, the way monthly
/// statistics are reported), so seasonality cancels.
/// </summary>
public sealed record PartialYear(int Year, int Months, double Ratio, double Estimate);

/// <summary>
/// The peak test for energy CO2 of a region as of a year, under the outlook model: the series is
/// continued to the horizon by the same moving-block bootstrap of its log changes
/// (<see cref="OutlookModel"/>). On each path the peak year is the year of the highest value among
/// the observed years and the simulated ones; emissions have "already peaked" on a path when no
/// simulated year exceeds the highest observed value. A path still at its highest in the horizon year
/// peaks "then or later". The plateau test is <see cref="TrendTest"/> on the last
/// <see cref="KpiJudgementOptions.PeakPlateauYears"/> years.
/// </summary>
public sealed record PeakTest
{
    public required RegionCode Region { get; init; }

    public required int AsOfYear { get; init; }

    public required int HorizonYear { get; init; }

    /// <summary>The highest observed value and its year.</summary>
    public required int ObservedMaxYear { get; init; }

    public required double ObservedMax { get; init; }

    /// <summary>Share of paths on which no future year exceeds the observed maximum, in [0, 1].</summary>
    public required double ProbabilityPeaked { get; init; }

    /// <summary>Share of paths whose peak comes before the horizon year: 1 − P(the horizon year or later).</summary>
    public required double ProbabilityPeakByHorizon { get; init; }

    /// <summary>Years with a non-zero probability, in order; the sum is 1.</summary>
    public required IReadOnlyList<PeakYearProbability> PeakYearDistribution { get; init; }

    public TrendTest? Plateau { get; init; }

    /// <summary>The as-of year when it is a partial year estimated from monthly data; null when every year is annual data.</summary>
    public PartialYear? LatestYearFromMonths { get; init; }

    /// <summary>The rule-based judgement of the engine beside it (peaked / not yet).</summary>
    public required PeakState RuleState { get; init; }

    public required string Method { get; init; }

    /// <summary>The test for a region from a panel; null without enough CO2 history.</summary>
    public static PeakTest? Evaluate(IndicatorPanel panel, RegionCode region, int asOfYear, OutlookModel model, KpiJudgementOptions judgement, int? horizonYear = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(judgement);
        var (history, partial) = HistoryOf(panel, region, asOfYear);
        return Evaluate(history, region, asOfYear, model, judgement, horizonYear, partial);
    }

    /// <summary>
    /// Annual energy CO2 up to a year, and the year after the last annual value estimated from its
    /// months (<see cref="PartialYear"/>) when that year has months stored and the year before has the
    /// same months (issue: "monthly data, where present, used for the latest year").
    /// </summary>
    public static (IReadOnlyList<(int Year, double Value)> History, PartialYear? Partial) HistoryOf(IndicatorPanel panel, RegionCode region, int upToYear)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var history = new KpiInputs(panel, region).History(Co2PeakFormula.Emissions, upToYear);
        if (history.Count == 0 || history[^1].Year + 1 > upToYear)
        {
            return (history, null);
        }

        var (last, annual) = history[^1];
        var year = last + 1;
        double now = 0, before = 0;
        var months = 0;
        for (var m = 1; m <= 12; m++)
        {
            if (panel.Month(Co2PeakFormula.Emissions, region, year, m) is { } a && panel.Month(Co2PeakFormula.Emissions, region, last, m) is { } b)
            {
                now += a;
                before += b;
                months++;
            }
        }

        if (months == 0 || !(before > 0) || !(now > 0) || !(annual > 0))
        {
            return (history, null);
        }

        var ratio = now / before;
        return (history, new PartialYear(year, months, ratio, annual * ratio));
    }

    /// <param name="annual">Annual CO2 values, oldest first, up to the as-of year (or up to the year before a partial year).</param>
    /// <param name="partial">The as-of year estimated from its months; it ends the series the model continues, while the rule and the plateau test read annual data only.</param>
    public static PeakTest? Evaluate(IReadOnlyList<(int Year, double Value)> annual, RegionCode region, int asOfYear, OutlookModel model, KpiJudgementOptions judgement, int? horizonYear = null, PartialYear? partial = null)
    {
        ArgumentNullException.ThrowIfNull(annual);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(judgement);
        var options = model.Options;
        IReadOnlyList<(int Year, double Value)> history = partial is null || annual.Count == 0 || annual[^1].Year + 1 != partial.Year
            ? annual : [.. annual, (partial.Year, partial.Estimate)];
        if (history.Count == 0 || history[^1].Year != asOfYear)
        {
            return null;
        }

        partial = history.Count > annual.Count ? partial : null;

        var window = history.Where(h => h.Year > asOfYear - options.WindowYears - 1).ToArray();
        var changes = BlockBootstrap.Changes(window, ChangeScale.Log);
        if (changes.Length < options.MinChanges || !(history[^1].Value > 0))
        {
            return null;
        }

        var horizon = Math.Max(horizonYear ?? options.PeakHorizonYear, asOfYear + 1);
        var steps = horizon - asOfYear;
        var (maxYear, max) = history.Aggregate((best, h) => h.Value > best.Value ? h : best);
        var random = new Random(model.SeedFor("co2_peak", "peak", region, asOfYear));
        var paths = BlockBootstrap.Paths(history[^1].Value, changes, ChangeScale.Log, steps, options.BlockLength, options.Draws, random);
        var counts = new SortedDictionary<int, int>();
        var peaked = 0;
        var orLater = 0;
        foreach (var path in paths)
        {
            var year = maxYear;
            var best = max;
            for (var h = 0; h < steps; h++)
            {
                if (path[h] > best)
                {
                    best = path[h];
                    year = asOfYear + h + 1;
                }
            }

            if (year == maxYear)
            {
                peaked++;
            }

            if (year == horizon)
            {
                orLater++;
            }

            counts[year] = counts.GetValueOrDefault(year) + 1;
        }

        var n = (double)paths.Length;
        var distribution = counts.Select(c => new PeakYearProbability(c.Key, c.Value / n, c.Key == horizon)).ToArray();
        return new PeakTest
        {
            Region = region,
            AsOfYear = asOfYear,
            HorizonYear = horizon,
            ObservedMaxYear = maxYear,
            ObservedMax = max,
            ProbabilityPeaked = peaked / n,
            ProbabilityPeakByHorizon = 1 - (orLater / n),
            PeakYearDistribution = distribution,
            Plateau = TrendTest.Of(annual, judgement.PeakPlateauYears),
            RuleState = PeakRule.Evaluate(annual, judgement).State,
            LatestYearFromMonths = partial,
            Method = model.Method + string.Create(CultureInfo.InvariantCulture, $"; peak year = the year of the highest value of observed + simulated years to {horizon}; plateau: OLS slope of the last {judgement.PeakPlateauYears} years, 95% t interval")
                + (partial is { } p ? string.Create(CultureInfo.InvariantCulture, $"; {p.Year} estimated from {p.Months} months (same months of {p.Year - 1} × {p.Ratio:0.####}), annual data only for the plateau test and the rule") : string.Empty),
        };
    }
}

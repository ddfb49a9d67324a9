using System.Globalization;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Kpis.Formulas;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Outlook;

/// <summary>The probability that CO2 peaks in one year (the last bucket: the horizon or later).</summary>
public sealed record PeakYearProbability(int Year, double Probability, bool OrLater = false);

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

    /// <summary>The rule-based judgement of the engine beside it (peaked / not yet).</summary>
    public required PeakState RuleState { get; init; }

    public required string Method { get; init; }

    /// <summary>The test for a region from a panel; null without enough CO2 history.</summary>
    public static PeakTest? Evaluate(IndicatorPanel panel, RegionCode region, int asOfYear, OutlookModel model, KpiJudgementOptions judgement, int? horizonYear = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(judgement);
        var history = new KpiInputs(panel, region).History(Co2PeakFormula.Emissions, asOfYear);
        return Evaluate(history, region, asOfYear, model, judgement, horizonYear);
    }

    /// <param name="history">Annual CO2 values up to the as-of year, oldest first.</param>
    public static PeakTest? Evaluate(IReadOnlyList<(int Year, double Value)> history, RegionCode region, int asOfYear, OutlookModel model, KpiJudgementOptions judgement, int? horizonYear = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(judgement);
        var options = model.Options;
        if (history.Count == 0 || history[^1].Year != asOfYear)
        {
            return null;
        }

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
            Plateau = TrendTest.Of(history, judgement.PeakPlateauYears),
            RuleState = PeakRule.Evaluate(history, judgement).State,
            Method = model.Method + string.Create(CultureInfo.InvariantCulture, $"; peak year = the year of the highest value of observed + simulated years to {horizon}; plateau: OLS slope of the last {judgement.PeakPlateauYears} years, 95% t interval"),
        };
    }
}

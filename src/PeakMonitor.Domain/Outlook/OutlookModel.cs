using System.Globalization;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Kpis.Formulas;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Outlook;

/// <summary>
/// The outlook of every KPI with a numeric target and enough history: the KPI's underlying series
/// (the intensity for a reduction, the value otherwise) is continued from the as-of year to the
/// target year by a moving-block bootstrap of its last <see cref="OutlookOptions.WindowYears"/>
/// annual changes (<see cref="BlockBootstrap"/>); log changes for intensities (they fall by rates,
/// action-plan-kpis.md §5.3 geometric path), differences for shares and capacities. Each simulated
/// path is turned back into the KPI's value with the KPI's own formula arithmetic, and the share of
/// paths meeting the nominal target in its year is the probability. Pure and deterministic: every
/// (KPI, region, track) gets its own <see cref="Random"/> seeded from the options' seed and the
/// identity of the series, so a rerun, or the same KPI in a different request, gives the same numbers.
/// </summary>
public sealed class OutlookModel
{
    private static readonly double[] Levels = [0.10, 0.25, 0.50, 0.75, 0.90];

    public OutlookModel(OutlookOptions? options = null)
    {
        Options = (options ?? new OutlookOptions()).Validated();
    }

    public OutlookOptions Options { get; }

    /// <summary>The method in one sentence, with the settings in force.</summary>
    public string Method => string.Create(CultureInfo.InvariantCulture,
        $"moving-block bootstrap (Künsch 1989) of the last {Options.WindowYears} annual changes (log changes for intensities, differences otherwise), block {Options.BlockLength} years, {Options.Draws} draws, seed {Options.Seed}");

    /// <summary>
    /// The outlooks of a region as of a year, for the KPIs given (default: every computable KPI), one
    /// per judged track whose next milestone lies after the as-of year.
    /// </summary>
    /// <param name="asOfYear">The last year the model may see; null: for each track, the latest year with a value.</param>
    public IReadOnlyList<KpiOutlook> Evaluate(IndicatorPanel panel, KpiEngine engine, RegionCode region, int? asOfYear, IEnumerable<KpiDefinition>? kpis = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(engine);
        var inputs = new KpiInputs(panel, region);
        var list = new List<KpiOutlook>();
        foreach (var kpi in kpis ?? KpiCatalog.Computable)
        {
            if (kpi.Formula.Judgement != KpiJudgement.Path || !kpi.HasDataSource)
            {
                continue;
            }

            foreach (var track in engine.TargetsFor(kpi, region).Where(t => t.Modality != TargetModality.Qualitative).GroupBy(t => t.Track))
            {
                var formula = kpi.FormulaFor(track.Key);
                var milestones = track.OrderBy(t => t.TargetYear).ToArray();
                if ((asOfYear ?? Latest(panel, formula, inputs, milestones[0].BaselineYear)) is not { } asOf)
                {
                    continue;
                }

                if (milestones.FirstOrDefault(t => t.TargetYear > asOf) is { } target
                    && One(kpi, formula, target, inputs, region, asOf) is { } outlook)
                {
                    list.Add(outlook);
                }
            }
        }

        return list;
    }

    /// <summary>The latest year in the panel with a value of the formula (measured against a baseline year).</summary>
    private static int? Latest(IndicatorPanel panel, KpiFormula formula, KpiInputs inputs, int baselineYear)
    {
        if (panel.YearSpan is not { } span)
        {
            return null;
        }

        for (var y = span.Last; y >= span.First; y--)
        {
            if (formula.Value(inputs, y, baselineYear) is not null)
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>One KPI on one track against one target; null without enough history or a baseline.</summary>
    public KpiOutlook? One(KpiDefinition kpi, KpiFormula formula, KpiTarget target, KpiInputs inputs, RegionCode region, int asOfYear)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(inputs);
        var y0 = target.BaselineYear;
        var geometric = kpi.PathShape == PathShape.Geometric;
        var scale = geometric ? ChangeScale.Log : ChangeScale.Additive;
        var history = Window(kpi, formula, inputs, y0, asOfYear);

        double? baseIntensity = geometric ? formula.Underlying(inputs, y0, y0) : null;
        if (history.Count == 0 || history[^1].Year != asOfYear || (geometric && baseIntensity is not > 0))
        {
            return null;
        }

        var changes = BlockBootstrap.Changes(history, scale);
        if (changes.Length < Options.MinChanges)
        {
            return null;
        }

        var horizon = target.TargetYear - asOfYear;
        var random = new Random(SeedFor(kpi.Id, target.Track, region, asOfYear));
        var paths = BlockBootstrap.Paths(history[^1].Value, changes, scale, horizon, Options.BlockLength, Options.Draws, random);
        double ToValue(double level) => LevelToValue(kpi, level, baseIntensity);
        var sign = kpi.Direction == KpiDirection.HigherIsBetter ? 1 : -1;
        var met = 0;
        var column = new double[paths.Length];
        var quantiles = new YearQuantiles[horizon];
        for (var h = 0; h < horizon; h++)
        {
            for (var d = 0; d < paths.Length; d++)
            {
                column[d] = ToValue(paths[d][h]);
            }

            if (h == horizon - 1)
            {
                foreach (var v in column)
                {
                    // The nominal target (the engine's "met"): a 左右 band is not counted as met.
                    if (sign * (v - target.Value) >= -1e-9)
                    {
                        met++;
                    }
                }
            }

            Array.Sort(column);
            quantiles[h] = new YearQuantiles(asOfYear + h + 1,
                BlockBootstrap.Quantile(column, Levels[0]), BlockBootstrap.Quantile(column, Levels[1]), BlockBootstrap.Quantile(column, Levels[2]),
                BlockBootstrap.Quantile(column, Levels[3]), BlockBootstrap.Quantile(column, Levels[4]));
        }

        return new KpiOutlook
        {
            Kpi = kpi.Id,
            Region = region,
            Track = target.Track,
            AsOfYear = asOfYear,
            BaselineYear = y0,
            Deadline = target.TargetYear,
            Target = target.Value,
            Unit = kpi.Unit,
            Direction = kpi.Direction,
            Latest = ToValue(history[^1].Value),
            Probability = (double)met / paths.Length,
            Quantiles = quantiles,
            ChangesUsed = changes.Length,
            Scale = scale,
            Method = Method,
        };
    }

    /// <summary>
    /// The probability that a KPI meets its target when its series follows a given mean path (a what-if
    /// scenario, <see cref="ScenarioModel"/>) and varies around it as it did in the window: the window's
    /// annual changes minus their mean — the scenario sets the trend, history the spread — drawn by the
    /// same moving-block bootstrap and added up from the last observed year to the deadline, on top of
    /// the path's deadline value. With no variation in the window the answer is 1 or 0, as the path's own
    /// deadline value against the nominal target says. Null without enough history, without the path's value at the deadline, or when the
    /// deadline is not after the last observed year.
    /// </summary>
    /// <param name="observed">The data as observed (no scenario years).</param>
    /// <param name="path">The same data continued by the scenario.</param>
    /// <param name="lastObservedYear">The last year the observed series may be read in.</param>
    public double? ProbabilityAround(KpiDefinition kpi, KpiFormula formula, KpiTarget target, KpiInputs observed, KpiInputs path, RegionCode region, int lastObservedYear)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(path);
        var y0 = target.BaselineYear;
        var geometric = kpi.PathShape == PathShape.Geometric;
        var scale = geometric ? ChangeScale.Log : ChangeScale.Additive;
        double? LevelIn(KpiInputs inputs, int y) => Level(kpi, formula, inputs, y, y0);

        int? last = null;
        for (var y = Math.Min(lastObservedYear, target.TargetYear - 1); y >= y0 && last is null; y--)
        {
            if (LevelIn(observed, y) is not null)
            {
                last = y;
            }
        }

        double? baseIntensity = geometric ? formula.Underlying(observed, y0, y0) : null;
        if (last is not { } l || LevelIn(path, target.TargetYear) is not { } end || (geometric && (baseIntensity is not > 0 || !(end > 0))))
        {
            return null;
        }

        var changes = BlockBootstrap.Changes(Window(kpi, formula, observed, y0, l), scale);
        if (changes.Length < Options.MinChanges)
        {
            return null;
        }

        var mean = changes.Average();
        for (var i = 0; i < changes.Length; i++)
        {
            changes[i] -= mean;
        }

        var horizon = target.TargetYear - l;
        var random = new Random(SeedFor(kpi.Id, target.Track, region, l));
        var noise = BlockBootstrap.Paths(geometric ? 1 : 0, changes, scale, horizon, Options.BlockLength, Options.Draws, random);
        var sign = kpi.Direction == KpiDirection.HigherIsBetter ? 1 : -1;
        var met = 0;
        foreach (var draw in noise)
        {
            var level = geometric ? end * draw[^1] : end + draw[^1];
            if (sign * (LevelToValue(kpi, level, baseIntensity) - target.Value) >= -1e-9)
            {
                met++;
            }
        }

        return (double)met / noise.Length;
    }

    /// <summary>The series the bootstrap continues: the intensity (underlying) for a reduction, the value otherwise.</summary>
    private static double? Level(KpiDefinition kpi, KpiFormula formula, KpiInputs inputs, int year, int baselineYear) =>
        kpi.PathShape == PathShape.Geometric ? formula.Underlying(inputs, year, baselineYear) : formula.Value(inputs, year, baselineYear);

    /// <summary>The level in the window's years ending in <paramref name="lastYear"/>, years without a value left out.</summary>
    private List<(int Year, double Value)> Window(KpiDefinition kpi, KpiFormula formula, KpiInputs inputs, int baselineYear, int lastYear)
    {
        var history = new List<(int Year, double Value)>(Options.WindowYears + 1);
        for (var y = lastYear - Options.WindowYears; y <= lastYear; y++)
        {
            if (Level(kpi, formula, inputs, y, baselineYear) is { } v)
            {
                history.Add((y, v));
            }
        }

        return history;
    }

    /// <summary>A simulated level as the KPI's value: a reduction against the baseline intensity, or the value itself (a share kept within 0–100).</summary>
    private static double LevelToValue(KpiDefinition kpi, double level, double? baseIntensity)
    {
        if (kpi.PathShape == PathShape.Geometric)
        {
            return (1 - (level / baseIntensity!.Value)) * 100;
        }

        return kpi.Unit == "%" ? Math.Clamp(level, 0, 100) : level;
    }

    /// <summary>
    /// A seed per series: the options' seed mixed with a stable hash of the identity (string.GetHashCode
    /// is randomised per process, so FNV-1a is used instead).
    /// </summary>
    internal int SeedFor(string kpi, string track, RegionCode region, int asOfYear)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in string.Concat(kpi, "|", track, "|", region.Value, "|", asOfYear.ToString(CultureInfo.InvariantCulture)))
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash ^ (uint)Options.Seed) & int.MaxValue;
        }
    }
}

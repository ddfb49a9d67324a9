using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Kpis.Formulas;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Outlook;

/// <summary>
/// A past plan's target and what happened (seed-data/backtest/fyp-outcomes.csv): the outcome is the
/// official figure with its document; null where no retrieved copy gave it (then the case is forecast,
/// not scored).
/// </summary>
public sealed record BacktestCase(string Plan, string Kpi, int BaselineYear, int TargetYear, double Target, int AsOfYear, double? Outcome, string TargetSource, string TargetUrl, string? OutcomeSource, string? OutcomeUrl, string? Note)
{
    /// <summary>Kpi ids of the file: energy_intensity, carbon_intensity (reductions vs the baseline year, %), nonfossil_share (%).</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["energy_intensity", "carbon_intensity", "nonfossil_share"];

    /// <summary>True when the outcome met the nominal target (a reduction or a share at least the target).</summary>
    public bool? Met => Outcome is { } o ? o >= Target - 1e-9 : null;
}

/// <summary>One backtest row: the model's probability and the naive rule's verdict as of mid-plan, beside the outcome.</summary>
public sealed record BacktestRow(BacktestCase Case, double? Probability, double? Median, double? NaiveProjection, bool? NaiveSaysMet, string? Problem);

/// <summary>The rows and the two Brier scores over the scored rows (those with an outcome and a forecast).</summary>
public sealed record BacktestReport(IReadOnlyList<BacktestRow> Rows, int Scored, double? ModelBrier, double? NaiveBrier, string Method);

/// <summary>
/// Scores the outlook model against past Five-Year Plans, as of the middle of each plan period: the
/// model sees only data up to the as-of year. The Brier score is the mean of (p − o)², o = 1 when the
/// target was met (Brier 1950, Monthly Weather Review 78(1)); lower is better, 0.25 is a coin.
/// The naive rule fits a least-squares line through the plan period's values so far (baseline to the
/// as-of year) and says yes (p = 1) when the line reaches the target in the target year, else no
/// (p = 0). Energy intensity is read on the definition of the time (total energy per unit of GDP).
/// </summary>
public static class Backtest
{
    public static BacktestReport Run(IndicatorPanel panel, IEnumerable<BacktestCase> cases, OutlookModel model)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(model);
        var inputs = new KpiInputs(panel, RegionCode.National);
        var rows = new List<BacktestRow>();
        foreach (var c in cases)
        {
            var (definition, formula) = Definition(c);
            var target = new KpiTarget(c.BaselineYear, c.TargetYear, c.Target, TargetModality.Firm);
            var outlook = model.One(definition with { Targets = [target] }, formula, target, inputs, RegionCode.National, c.AsOfYear);
            var points = new List<(int Year, double Value)>();
            for (var y = c.BaselineYear; y <= c.AsOfYear; y++)
            {
                if (formula.Value(inputs, y, c.BaselineYear) is { } v)
                {
                    points.Add((y, v));
                }
            }

            var naive = Trajectory.LinearTrend(points, c.TargetYear);
            rows.Add(new BacktestRow(c, outlook?.Probability, outlook?.MedianAtDeadline, naive, naive is { } n ? n >= c.Target - 1e-9 : null,
                outlook is null ? $"not enough data up to {c.AsOfYear}" : null));
        }

        var scored = rows.Where(r => r.Case.Met is not null && r.Probability is not null && r.NaiveSaysMet is not null).ToArray();
        double O(BacktestRow r) => r.Case.Met!.Value ? 1 : 0;
        double? modelBrier = scored.Length > 0 ? scored.Average(r => Math.Pow(r.Probability!.Value - O(r), 2)) : null;
        double? naiveBrier = scored.Length > 0 ? scored.Average(r => Math.Pow((r.NaiveSaysMet!.Value ? 1 : 0) - O(r), 2)) : null;
        return new BacktestReport(rows, scored.Length, modelBrier, naiveBrier, model.Method + "; naive rule: least-squares line through the plan period so far, yes/no");
    }

    private static (KpiDefinition Definition, KpiFormula Formula) Definition(BacktestCase c)
    {
        var (id, formula, shape) = c.Kpi switch
        {
            "energy_intensity" => ("energy_intensity_reduction", (KpiFormula)EnergyIntensityReductionFormula.Gross, PathShape.Geometric),
            "carbon_intensity" => ("carbon_intensity_reduction", CarbonIntensityReductionFormula.Instance, PathShape.Geometric),
            "nonfossil_share" => ("nonfossil_share", ShareFormula.NonFossil, PathShape.Linear),
            _ => throw new ArgumentException($"Backtest kpi '{c.Kpi}' is not one of {string.Join(", ", BacktestCase.Kinds)}."),
        };
        var definition = KpiCatalog.Get(id) with { Formula = formula, TrackFormulas = new Dictionary<string, KpiFormula>(), PathShape = shape };
        return (definition, formula);
    }
}

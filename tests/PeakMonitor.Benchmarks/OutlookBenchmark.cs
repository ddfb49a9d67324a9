using System.Diagnostics;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Targets;
using PeakMonitor.TestKit;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// The outlook model for every KPI × 32 regions (goal: under 2 s warm) and one what-if answer (goal:
/// under 50 ms), each against a baseline measured in the same run on the same panel: for the outlook,
/// reading every raw input of every KPI once for every region and year; for the what-if, the KPI
/// engine judging the driven KPIs for the region in 2025 and 2030 on the observed panel (what the
/// answer costs without a scenario).
/// </summary>
internal static class OutlookBenchmark
{
    /// <summary>On the seed data (the nation's official series, the 31 synthetic provinces) with the provincial targets file, as the app runs.</summary>
    public static async Task RunAsync()
    {
        var seed = Path.Combine(Repository.Root, "seed-data");
        var inputs = KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct().ToArray();
        var regions = RegionCatalog.All.Select(r => r.Code).ToArray();
        var observations = new List<Observation>();
        foreach (var file in Directory.GetFiles(seed, "*.csv").Order(StringComparer.Ordinal))
        {
            observations.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        var targets = await ProvincialTargetsReader.ReadFileAsync(Path.Combine(seed, "targets", "provincial-targets.csv"), CancellationToken.None);
        var panel = IndicatorPanel.From(observations);
        var years = Enumerable.Range(panel.YearSpan!.Value.First, panel.YearSpan.Value.Last - panel.YearSpan.Value.First + 1).ToArray();
        var engine = new KpiEngine(provincialTargets: targets);
        var model = new OutlookModel();

        var outlooks = 0;
        var cold = Stopwatch.StartNew();
        outlooks = All(panel, engine, model, regions);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var outlook = Measure(() => outlooks = All(panel, engine, model, regions), runs: 7);
        double sink = 0;
        var baseline = Measure(() =>
        {
            foreach (var region in regions)
            {
                foreach (var indicator in inputs)
                {
                    foreach (var year in years)
                    {
                        sink += panel.Get(indicator, region, year) ?? 0;
                    }
                }
            }
        }, runs: 21);

        Console.WriteLine($"Outlook: {outlooks:N0} outlooks (every KPI with a target and enough history × {regions.Length} regions), {model.Options.Draws:N0} draws each; seed data {years[0]}–{years[^1]}, provincial targets file");
        Console.WriteLine($"  all outlooks: median {outlook:F0} ms; baseline (read every input once): median {baseline:F2} ms; ratio {outlook / baseline:F0}x");
        Console.WriteLine($"  first call, before the JIT has optimised anything: {coldMs:F0} ms");
        Console.WriteLine($"  goal < 2000 ms warm: {(outlook < 2000 ? "met" : "MISSED")}");

        var scenarios = new ScenarioModel(panel, RegionCode.National, engine);
        var scenario = new Scenario();
        var driven = ScenarioModel.DrivenKpis.Select(KpiCatalog.Get).ToArray();
        var answers = 0;
        var whatIf = Measure(() => answers = scenarios.Evaluate(scenario = scenario with { GdpGrowth = 4 + ((scenario.GdpGrowth + 0.01) % 3) }).Results.Count, runs: 51);
        var withProbabilities = Measure(() => answers = scenarios.Evaluate(scenario = scenario with { GdpGrowth = 4 + ((scenario.GdpGrowth + 0.01) % 3) }, model).Probabilities.Count, runs: 51);
        var probabilities = answers;
        var judge = Measure(() => answers += engine.Compute(panel, driven, [RegionCode.National], ScenarioModel.Years).Count, runs: 51);
        var solve = Measure(() => sink += scenarios.Solve(scenario, Lever.NonFossilPoints, "nonfossil_share").Value ?? 0, runs: 11);
        Console.WriteLine($"What-if (CN, base year {scenarios.BaseYear}): one answer median {whatIf:F2} ms; baseline (judge the same KPIs and years on the observed panel): median {judge:F2} ms; ratio {whatIf / judge:F1}x");
        Console.WriteLine($"  with the probability of each 2025/2030 target ({probabilities} probabilities, {model.Options.Draws:N0} draws each): median {withProbabilities:F2} ms; ratio to the baseline {withProbabilities / judge:F1}x");
        var solved = scenarios.Solve(new Scenario(), Lever.NonFossilPoints, "nonfossil_share");
        var check = scenarios.Evaluate(new Scenario()).Results.Count(r => r.Value is not null);
        Console.WriteLine($"  solve one lever (bisection to 1e-9): median {solve:F2} ms (non-fossil points for the 2025 share target: {solved.Value?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? solved.Problem}); answer has {check} values");
        Console.WriteLine($"  goal < 50 ms per answer (with probabilities): {(withProbabilities < 50 ? "met" : "MISSED")}{(sink < 0 || answers < 0 ? "." : string.Empty)}");
    }

    private static int All(IndicatorPanel panel, KpiEngine engine, OutlookModel model, RegionCode[] regions)
    {
        var count = 0;
        foreach (var region in regions)
        {
            count += model.Evaluate(panel, engine, region, asOfYear: null).Count;
        }

        return count;
    }

    /// <summary>Median of the runs after a warm-up long enough for tiered compilation to finish (as BenchmarkDotNet does).</summary>
    private static double Measure(Action action, int runs)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            action();
            Thread.Sleep(10);
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}

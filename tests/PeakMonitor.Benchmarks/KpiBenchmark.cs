using System.Diagnostics;
using Bogus;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// Time to compute and judge every KPI for 32 regions × 2005–2030 (goal: under 50 ms), against a
/// baseline measured in the same run: one lookup of every raw input the KPIs read, for every
/// region and year, from the same panel.
/// </summary>
internal static class KpiBenchmark
{
    public static void Run()
    {
        var random = new Randomizer(2030);
        var inputs = KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct().ToArray();
        var years = Enumerable.Range(2005, 26).ToArray();
        var regions = RegionCatalog.All.Select(r => r.Code).ToArray();
        var observations = new List<Observation>();
        foreach (var region in regions)
        {
            foreach (var indicator in inputs)
            {
                var value = random.Double(100, 10_000);
                foreach (var year in years)
                {
                    value *= 1 + random.Double(-0.02, 0.06);
                    var v = IndicatorCatalog.Get(indicator).CanonicalUnit == "%" ? Math.Min(99, value / 200) : value;
                    observations.Add(new Observation(indicator, region, SectorId.All, Period.OfYear(year), Math.Round(v, 2), "synthetic (benchmark)"));
                }
            }
        }

        var panel = IndicatorPanel.From(observations);
        var engine = new KpiEngine();
        var results = 0;
        var cold = Stopwatch.StartNew();
        results = engine.Compute(panel, KpiCatalog.All, regions, years).Count;
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var compute = Measure(() => results = engine.Compute(panel, KpiCatalog.All, regions, years).Count);
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
        });

        Console.WriteLine($"KPIs: {KpiCatalog.All.Count} ({KpiCatalog.Computable.Count()} computable) × {regions.Length} regions × {years[0]}–{years[^1]} = {results:N0} results from {panel.Count:N0} panel values");
        Console.WriteLine($"  compute and judge all: median {compute:F1} ms; baseline (read every input once): median {baseline:F2} ms; ratio {compute / baseline:F0}x");
        Console.WriteLine($"  first call, before the JIT has optimised anything: {coldMs:F0} ms");
        Console.WriteLine($"  goal < 50 ms: {(compute < 50 ? "met" : "MISSED")}{(sink < 0 ? "." : string.Empty)}");
    }

    /// <summary>Median of 21 runs after a warm-up long enough for tiered compilation to finish (as BenchmarkDotNet does).</summary>
    private static double Measure(Action action)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            action();
            Thread.Sleep(10);
        }

        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}

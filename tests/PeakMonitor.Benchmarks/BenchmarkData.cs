using Bogus;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// Synthetic observations shaped like PeakMonitor's data: the nation and 31 provinces; every
/// catalogued indicator annually 2005–2030; the capacity, generation and energy indicators monthly
/// 2005–2030 for several sectors. Seeded, so every run writes the same points.
/// </summary>
internal static class BenchmarkData
{
    public static readonly IndicatorId QueriedIndicator = IndicatorId.Parse("energy_total");

    private static readonly string[] MonthlyIndicators =
    [
        "energy_total", "energy_coal", "energy_oil", "energy_gas", "energy_nonfossil", "co2_energy",
        "cap_wind", "cap_solar", "cap_hydro", "gen_total", "gen_wind", "gen_solar", "gen_thermal", "peak_load",
    ];

    private static readonly string[] MonthlySectors = ["all", "industry", "industry.steel", "power", "buildings", "transport", "residential"];

    public static List<Observation> Generate(int count, int seed)
    {
        var random = new Randomizer(seed);
        var list = new List<Observation>(count);
        foreach (var region in RegionCatalog.All)
        {
            foreach (var indicator in IndicatorCatalog.All)
            {
                AddSeries(list, random, indicator.Id, region.Code, SectorId.All, Frequency.Annual);
            }
        }

        foreach (var region in RegionCatalog.All)
        {
            foreach (var id in MonthlyIndicators)
            {
                foreach (var sector in MonthlySectors)
                {
                    AddSeries(list, random, IndicatorId.Parse(id), region.Code, SectorId.Parse(sector), Frequency.Monthly);
                }
            }
        }

        // Beyond ~1M, the remaining sectors get monthly series too (up to ~1.8M points).
        foreach (var sector in SectorCatalog.All.Select(s => s.Id.Value).Except(MonthlySectors).TakeWhile(_ => list.Count < count))
        {
            foreach (var region in RegionCatalog.All)
            {
                foreach (var id in MonthlyIndicators)
                {
                    AddSeries(list, random, IndicatorId.Parse(id), region.Code, SectorId.Parse(sector), Frequency.Monthly);
                }
            }
        }

        if (list.Count < count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"At most {list.Count:N0} distinct points can be generated.");
        }

        list.RemoveRange(count, list.Count - count);
        return list;
    }

    private static void AddSeries(List<Observation> list, Randomizer random, IndicatorId indicator, RegionCode region, SectorId sector, Frequency frequency)
    {
        // A noisy growth path, like capacity or consumption series.
        // Shares stay shares: a percentage never exceeds 100 (the importer rejects it).
        var percent = IndicatorCatalog.Get(indicator).CanonicalUnit == "%";
        var value = percent ? random.Double(5, 60) : random.Double(100, 50_000);
        var growth = random.Double(-0.002, 0.01);
        for (var year = 2005; year <= 2030; year++)
        {
            var months = frequency == Frequency.Annual ? 1 : 12;
            for (var m = 1; m <= months; m++)
            {
                value *= 1 + growth + random.Double(-0.01, 0.01);
                var period = frequency == Frequency.Annual ? Period.OfYear(year) : Period.OfMonth(year, m);
                list.Add(new Observation(indicator, region, sector, period, Math.Round(percent ? Math.Min(value, 99) : value, 2), "synthetic (benchmark)"));
            }
        }
    }
}

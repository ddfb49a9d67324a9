using System.Globalization;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// SYNTHETIC provincial series for the 31 provinces, shaped by the official national series and
/// by plausible provincial profiles (<see cref="ProvinceProfiles"/>, <see cref="SectorProfiles"/>);
/// they stand in for provincial statistics we do not have yet and are labelled
/// <see cref="Source"/> = "synthetic" on every row. Deterministic: the same national input and
/// seed give the same values, whatever else was generated before (every random stream is keyed by
/// seed, indicator, province and period, <see cref="SeededNoise"/>).
/// <para>
/// Additive indicators (energy by source, CO2, GDP, population, capacities, peak load, demand
/// response, forest stock): the provinces of a year add up to the national value × a smooth seeded
/// factor within ±1.2% (population ±0.3%, capacities and forest stock ±0.4%), so always within
/// <see cref="SumTolerance"/>. Official provincial sums never equal China's national totals, hence
/// a tolerance rather than equality. Peak load and demand response have no national figure: their
/// national rows are generated too, as the exact sum of the provinces. Forest coverage is a level
/// and is not summed. Where the national series has gaps, the provinces follow its interpolation;
/// after its last year (2025 for a series ending in 2024), its extrapolation (<see cref="NationalDriver"/>).
/// </para>
/// </summary>
public static class ProvincialSeriesGenerator
{
    public const string Source = "synthetic";

    // 2: shares anchored to the official provincial file, official keys left out (issue 13).
    public const int Version = 2;

    /// <summary>The seed of the committed seed files (the year of the plan's peak target).</summary>
    public const int DefaultSeed = 2030;

    public const int FirstYear = 2005;

    public const int LastYear = 2025;

    public const int FirstMonthlyYear = 2021;

    /// <summary>Largest relative difference between a year's provincial sum and the national value of an additive indicator.</summary>
    public const double SumTolerance = 0.02;

    /// <summary>Indicators whose provincial values add up to the national value (within <see cref="SumTolerance"/>).</summary>
    public static IReadOnlyList<IndicatorId> AdditiveIndicators { get; } = Ids(
        "energy_total", "energy_coal", "energy_oil", "energy_gas", "energy_nonfossil", "co2_energy", "gdp_real", "population",
        "cap_wind", "cap_solar", "cap_hydro", "cap_pumped_hydro", "cap_new_storage", "peak_load", "dr_capacity", "forest_stock");

    /// <summary>Every annual indicator generated for the provinces (sector <c>all</c>).</summary>
    public static IReadOnlyList<IndicatorId> AnnualIndicators { get; } = [.. AdditiveIndicators, IndicatorId.Parse("forest_coverage")];

    /// <summary>Indicators split over sectors.</summary>
    public static IReadOnlyList<IndicatorId> SectorIndicators { get; } = Ids("energy_total", "co2_energy");

    /// <summary>Sectors of the sector series: the top-level ones, then the industry sub-sectors.</summary>
    public static IReadOnlyList<SectorId> Sectors { get; } = [.. SectorProfiles.TopLevel.Concat(SectorProfiles.Industry).Select(SectorId.Parse)];

    /// <summary>Capacity stocks of the monthly series.</summary>
    public static IReadOnlyList<IndicatorId> MonthlyCapacities { get; } = Ids("cap_wind", "cap_solar", "cap_new_storage");

    // National rows of indicators without an official national figure: the exact provincial sum.
    private static readonly string[] NationalFromProvinces = ["peak_load", "dr_capacity"];

    /// <summary>The <c>note</c> of every generated row.</summary>
    public static string Note(int seed) => string.Create(CultureInfo.InvariantCulture, $"PeakMonitor synthetic generator v{Version}, seed {seed}");

    /// <summary>
    /// Generates, from the national annual series (region CN, sector all; other rows are ignored):
    /// annual provincial series 2005–2025 of <see cref="AnnualIndicators"/> (plus national rows of
    /// peak_load and dr_capacity); energy_total and co2_energy by <see cref="Sectors"/> for CN and
    /// each province; and end-of-month <see cref="MonthlyCapacities"/> 2021-01 … 2025-12 per province.
    /// </summary>
    public static IReadOnlyList<Observation> Generate(IReadOnlyList<Observation> national, int seed) =>
        Generate(national, [], seed);

    /// <summary>
    /// As <see cref="Generate(IReadOnlyList{Observation}, int)"/>, with the official provincial
    /// figures (provinces-official.csv): each province's synthetic series follows its own published
    /// values (shares anchored to them, capacities passing through them), and no synthetic row is
    /// written for a region × indicator × period the official file has, so every key has one value.
    /// </summary>
    public static IReadOnlyList<Observation> Generate(IReadOnlyList<Observation> national, IReadOnlyList<Observation> official, int seed)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(official);
        var model = new SyntheticModel(national, official, seed);
        var note = Note(seed);
        var rows = new List<Observation>();
        var taken = official.Where(o => !o.Region.IsNational).Select(o => (o.Indicator, o.Region, o.Sector, o.Period)).ToHashSet();
        AddAnnual(model, rows, note);
        rows.RemoveAll(o => taken.Contains((o.Indicator, o.Region, o.Sector, o.Period)));
        AddSectors(model, rows, note);
        for (var year = FirstMonthlyYear; year <= LastYear; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                AddMonth(model, rows, note, year, month, generation: false);
            }
        }

        rows.RemoveAll(o => o.Period.Frequency == Frequency.Monthly && taken.Contains((o.Indicator, o.Region, o.Sector, o.Period)));
        return Sorted(rows);
    }

    /// <summary>
    /// One month of the live demo feed for every province: end-of-month cap_wind, cap_solar and
    /// cap_new_storage, and the month's gen_wind and gen_solar (100m kWh). Grows from the national
    /// capacities of the seed file (<see cref="NationalCapacityAnchors"/>); after 2024 the national
    /// additions continue at their last two years' mean. The same (year, month, seed) always gives
    /// the same values, so re-running a month overwrites it with itself, and a December equals the
    /// annual value <see cref="Generate"/> gives for that year.
    /// </summary>
    public static IReadOnlyList<Observation> MonthlyFeed(int year, int month, int seed) =>
        MonthlyFeed(NationalCapacityAnchors.All, year, month, seed);

    /// <summary>As <see cref="MonthlyFeed(int, int, int)"/>, growing from the given national series instead of the built-in anchors.</summary>
    public static IReadOnlyList<Observation> MonthlyFeed(IReadOnlyList<Observation> national, int year, int month, int seed)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, Period.MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var rows = new List<Observation>();
        AddMonth(new SyntheticModel(national, seed), rows, Note(seed), year, month, generation: true);
        return Sorted(rows);
    }

    private static void AddAnnual(SyntheticModel model, List<Observation> rows, string note)
    {
        foreach (var indicator in AnnualIndicators)
        {
            for (var year = FirstYear; year <= LastYear; year++)
            {
                if (model.Provinces(indicator.Value, year) is not { } values)
                {
                    continue;
                }

                for (var p = 0; p < values.Length; p++)
                {
                    if (!double.IsNaN(values[p]))
                    {
                        rows.Add(Row(indicator, Province(p), SectorId.All, Period.OfYear(year), values[p], note));
                    }
                }

                if (NationalFromProvinces.Contains(indicator.Value))
                {
                    var sum = Math.Round(values.Where(v => !double.IsNaN(v)).Sum(), 2);
                    rows.Add(Row(indicator, RegionCode.National, SectorId.All, Period.OfYear(year), sum, note + "; CN = sum of the synthetic provinces (no official national figure)"));
                }
            }
        }
    }

    /// <summary>
    /// Sector series: each province's total × its sector shares (<see cref="SectorProfiles.Shares"/>).
    /// The national split is the provinces' combined split applied to the national total of the input,
    /// for the years that have one.
    /// </summary>
    private static void AddSectors(SyntheticModel model, List<Observation> rows, string note)
    {
        var sectors = Sectors.ToArray();
        foreach (var indicator in SectorIndicators)
        {
            var id = indicator.Value;
            var shares = id == "co2_energy" ? SectorProfiles.Co2Base : SectorProfiles.EnergyBase;
            for (var year = FirstYear; year <= LastYear; year++)
            {
                if (model.Provinces(id, year) is not { } totals)
                {
                    continue;
                }

                var combined = new double[sectors.Length];
                for (var p = 0; p < totals.Length; p++)
                {
                    var code = ProvinceProfiles.Codes[p];
                    var split = SectorProfiles.Shares(shares, p, year, i => SeededNoise.Smooth(model.Seed, "sector/" + id + "/" + sectors[i].Value, code, year, 0.03));
                    for (var s = 0; s < sectors.Length; s++)
                    {
                        var value = Math.Round(totals[p] * split[s], 2);
                        combined[s] += value;
                        rows.Add(Row(indicator, Province(p), sectors[s], Period.OfYear(year), value, note));
                    }
                }

                var driver = model.Driver(id);
                if (driver is not null && driver.IsPublished(year) && driver.At(year) is { } nationalTotal && totals.Sum() > 0)
                {
                    var factor = nationalTotal / totals.Sum();
                    for (var s = 0; s < sectors.Length; s++)
                    {
                        rows.Add(Row(indicator, RegionCode.National, sectors[s], Period.OfYear(year), Math.Round(combined[s] * factor, 2),
                            note + "; CN split = the synthetic provinces' combined split × the national total of national-cn.csv"));
                    }
                }
            }
        }
    }

    private static void AddMonth(SyntheticModel model, List<Observation> rows, string note, int year, int month, bool generation)
    {
        var period = Period.OfMonth(year, month);
        for (var p = 0; p < ProvinceProfiles.Codes.Length; p++)
        {
            foreach (var capacity in MonthlyCapacities)
            {
                if (MonthlyCapacity.Stock(model, capacity.Value, p, year, month) is { } stock)
                {
                    rows.Add(Row(capacity, Province(p), SectorId.All, period, stock, note));
                }
            }

            if (!generation)
            {
                continue;
            }

            foreach (var (capacity, flow) in new[] { ("cap_wind", "gen_wind"), ("cap_solar", "gen_solar") })
            {
                if (MonthlyCapacity.Generation(model, capacity, p, year, month) is { } generated)
                {
                    rows.Add(Row(IndicatorId.Parse(flow), Province(p), SectorId.All, period, generated, note));
                }
            }
        }
    }

    private static Observation Row(IndicatorId indicator, RegionCode region, SectorId sector, Period period, double value, string note) =>
        new(indicator, region, sector, period, value, Source, note);

    private static RegionCode Province(int index) => RegionCode.Parse(ProvinceProfiles.Codes[index]);

    private static List<IndicatorId> Ids(params string[] ids) => [.. ids.Select(IndicatorId.Parse)];

    /// <summary>Region (CN first, then by code), frequency, indicator (catalogue order), sector (catalogue order), period.</summary>
    private static Observation[] Sorted(List<Observation> rows)
    {
        var regionOrder = RegionCatalog.All.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var indicatorOrder = IndicatorCatalog.All.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var sectorOrder = SectorCatalog.All.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return
        [
            .. rows
                .OrderBy(o => regionOrder[o.Region])
                .ThenBy(o => o.Period.Frequency)
                .ThenBy(o => indicatorOrder[o.Indicator])
                .ThenBy(o => sectorOrder[o.Sector])
                .ThenBy(o => o.Period),
        ];
    }
}

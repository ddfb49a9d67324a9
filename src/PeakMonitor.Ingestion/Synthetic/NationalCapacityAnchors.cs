using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// The national year-end capacities the live monthly feed grows from, copied from
/// <c>seed-data/national-cn.csv</c> (CEC/NEA for wind and solar; CNESA 2018–2020 and NEA 2021–2024
/// for new-type storage), so that <see cref="ProvincialSeriesGenerator.MonthlyFeed(int, int, int)"/>
/// needs no files and its Decembers equal the seed files' annual values. A test checks that these
/// numbers still match the seed file.
/// </summary>
internal static class NationalCapacityAnchors
{
    // 10k kW, year end, from the first published year to the last. The whole series, not just its end:
    // provincial capacities are built up from the first year (SyntheticModel.AllocateCapacity).
    private static readonly (string Indicator, int FirstYear, double[] Values)[] Rows =
    [
        ("cap_wind", 2005, [
            106, 207, 420, 839, 1760, 2958, 4623, 6142, 7652, 9657,
            13075, 14747, 16367, 18426, 20915, 28153, 32848, 36544, 44134, 52068, 64000]),
        ("cap_solar", 2010, [26, 212, 341, 1589, 2486, 4218, 7631, 13025, 17433, 20418, 25343, 30656, 39261, 60949, 88666, 120000]),
        ("cap_new_storage", 2018, [107, 171, 327, 400, 870, 3139, 7376]),
    ];

    public static IReadOnlyList<Observation> All { get; } =
    [
        .. Rows.SelectMany(r => r.Values.Select((v, i) => new Observation(
            IndicatorId.Parse(r.Indicator), RegionCode.National, SectorId.All, Period.OfYear(r.FirstYear + i), v))),
    ];
}

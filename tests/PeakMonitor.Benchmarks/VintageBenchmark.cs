using System.Diagnostics;
using System.Globalization;
using Bogus;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.TestKit;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// <c>scripts/bench.sh vintages</c>: do latest-vintage reads slow down when every value has three
/// vintages? The same data at 10× what the pages read (the seed data plus monthly series 2000–2025 of
/// every KPI input in every region, as the pages benchmark) go into two databases of one influxd:
/// the baseline with one vintage per value, the other with three (published 2023-03-01, 2024-03-01 and
/// 2025-03-01, each a different value; the middle one written last, so that the write path has to read
/// the stored dates). Then the pages' two latest reads — the KPI engine's bulk read and one indicator
/// for 32 regions — alternate between the databases after a warm-up, and the ratio of the medians is
/// reported; the as-of read of the three-vintage database is timed beside them.
/// </summary>
internal static class VintageBenchmark
{
    private const int Runs = 40;

    private static readonly DateOnly[] Published = [new(2023, 3, 1), new(2024, 3, 1), new(2025, 3, 1)];

    public static async Task RunAsync(Uri server)
    {
        var data = await TenfoldAsync();
        var inputs = KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Vintage read benchmark: {data.Count:N0} values ({data.Count(o => o.Sector == SectorId.All && inputs.Contains(o.Indicator)):N0} read by the KPI bulk read)"));

        var one = await StoreAsync(server, "bench_vint1_");
        var three = await StoreAsync(server, "bench_vint3_");
        var write = Stopwatch.StartNew();
        await one.WriteAsync(Vintage(data, 2), CancellationToken.None);
        var oneWrite = write.Elapsed.TotalSeconds;
        var threeWrites = new List<double>();
        foreach (var v in new[] { 0, 2, 1 })
        {
            write.Restart();
            await three.WriteAsync(Vintage(data, v), CancellationToken.None);
            threeWrites.Add(write.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  writes: one vintage {oneWrite:F1} s; three vintages {string.Join(" + ", threeWrites.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))} s (oldest, newest, then the middle one, older than the stored latest)"));

        // Both must read the same latest values: the newest vintage, whatever order they were written in.
        var a = await one.ReadAllAsync(inputs, SectorId.All, CancellationToken.None);
        var b = await three.ReadAllAsync(inputs, SectorId.All, CancellationToken.None);
        if (a.Count != b.Count || Math.Abs(a.Sum(o => o.Value) - b.Sum(o => o.Value)) > 1e-6 * Math.Abs(a.Sum(o => o.Value)))
        {
            throw new InvalidOperationException($"The latest reads differ: {a.Count} vs {b.Count} values.");
        }

        var series = new SeriesQuery(IndicatorId.Parse("energy_total"), SectorId.All, Period.OfYear(2005), Period.OfYear(2025));
        var bulk = await CompareAsync(() => one.ReadAllAsync(inputs, SectorId.All, CancellationToken.None), () => three.ReadAllAsync(inputs, SectorId.All, CancellationToken.None));
        var single = await CompareAsync(() => one.ReadAsync(series, CancellationToken.None), () => three.ReadAsync(series, CancellationToken.None));
        Report("KPI bulk read (every KPI input, 32 regions, annual and monthly)", a.Count, bulk);
        Report("one indicator, 32 regions, 2005–2025", (await one.ReadAsync(series, CancellationToken.None)).Count, single);

        var asOf = new AsOfReader(three, new DateOnly(2024, 6, 1));
        var asOfTimes = await TimeAsync(() => asOf.ReadAllAsync(inputs, SectorId.All, CancellationToken.None));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  as-of read (2024-06-01, three vintages, on demand): median {Median(asOfTimes):F1} ms, p95 {P95(asOfTimes):F1} ms"));
    }

    private static void Report(string what, int rows, (List<double> One, List<double> Three) times) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {what}, {rows:N0} rows: one vintage median {Median(times.One):F1} ms (p95 {P95(times.One):F1}), three vintages median {Median(times.Three):F1} ms (p95 {P95(times.Three):F1}); ratio {Median(times.Three) / Median(times.One):F2}×"));

    /// <summary>Alternates the two reads (which goes first alternates too), after three warm-ups of each.</summary>
    private static async Task<(List<double> One, List<double> Three)> CompareAsync<T>(Func<Task<T>> one, Func<Task<T>> three)
    {
        for (var i = 0; i < 3; i++)
        {
            await one();
            await three();
        }

        var (a, b) = (new List<double>(), new List<double>());
        for (var i = 0; i < Runs; i++)
        {
            if (i % 2 == 0)
            {
                a.Add(await TimeOnceAsync(one));
                b.Add(await TimeOnceAsync(three));
            }
            else
            {
                b.Add(await TimeOnceAsync(three));
                a.Add(await TimeOnceAsync(one));
            }
        }

        return (a, b);
    }

    private static async Task<List<double>> TimeAsync<T>(Func<Task<T>> read)
    {
        await read();
        var times = new List<double>();
        for (var i = 0; i < Runs / 2; i++)
        {
            times.Add(await TimeOnceAsync(read));
        }

        return times;
    }

    private static async Task<double> TimeOnceAsync<T>(Func<Task<T>> read)
    {
        var watch = Stopwatch.StartNew();
        await read();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);

    /// <summary>Vintage <paramref name="v"/> of every value: its own published date and value (0.5% apart per vintage).</summary>
    private static Observation[] Vintage(IReadOnlyList<Observation> data, int v) =>
        data.Select(o => new Observation(o.Indicator, o.Region, o.Sector, o.Period, Math.Round(o.Value * (1 + (0.005 * (v - 2))), 4), o.Source, o.Note, o.Quality) { Published = Published[v] }).ToArray();

    private static async Task<InfluxTimeSeriesStore> StoreAsync(Uri server, string prefix)
    {
        var options = Options.Create(new InfluxOptions { Database = prefix + Guid.NewGuid().ToString("N")[..6] });
        var client = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server), options);
        await new InfluxDatabaseProvisioner(client, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        return new InfluxTimeSeriesStore(client);
    }

    /// <summary>The seed data (latest vintage of each value) plus monthly series 2000–2025 of every KPI input in every region, as <see cref="PageBenchmark"/>.</summary>
    private static async Task<IReadOnlyList<Observation>> TenfoldAsync()
    {
        var seed = new List<Observation>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv"))
        {
            seed.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        var data = new List<Observation>(Vintages.Latest(seed));
        var random = new Randomizer(2030);
        foreach (var indicator in KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct().Where(i => IndicatorCatalog.Get(i).Kind is not (IndicatorKind.Level or IndicatorKind.Change)))
        {
            foreach (var region in RegionCatalog.All)
            {
                var value = random.Double(100, 10_000);
                for (var year = 2000; year <= 2025; year++)
                {
                    for (var month = 1; month <= 12; month++)
                    {
                        value *= 1 + random.Double(-0.005, 0.01);
                        data.Add(new Observation(indicator, region.Code, SectorId.All, Period.OfMonth(year, month), Math.Round(value, 2), "synthetic"));
                    }
                }
            }
        }

        return data;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Benchmarks;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.LineProtocol;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Influx.Storage;
using PeakMonitor.TestKit;

// Write throughput of our writer against a raw baseline, and query latency, against one influxd;
// then the KPI engine's compute time. Usage:
//   scripts/bench.sh [--points N] [--runs N] [--influx URL] [--batch N] [--parallelism N]
//   scripts/bench.sh kpi        (the KPI benchmark alone; needs no influxd)
//   scripts/bench.sh outlook    (outlook for every KPI × 32 regions, and a what-if answer; needs no influxd)
//   scripts/bench.sh vintages   (latest-vintage reads with three vintages per value against one, 10× data)
//   scripts/bench.sh pages | browser | reports | charts | load | flood | jobs   (the dashboard, in-browser, report, chart-image/Word, load, API-flood or job-throughput benchmark alone)
if (args.FirstOrDefault() == "kpi")
{
    KpiBenchmark.Run();
    return 0;
}

if (args.FirstOrDefault() == "outlook")
{
    await OutlookBenchmark.RunAsync();
    return 0;
}

if (args.FirstOrDefault() == "pages")
{
    using var pagesDir = new TempDirectory("peakmonitor-bench-pages");
    await using var pagesServer = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = pagesDir.Path }, NullLogger.Instance, CancellationToken.None);
    await PageBenchmark.RunAsync(pagesServer.Url);
    return 0;
}

if (args.FirstOrDefault() == "browser")
{
    using var browserDir = new TempDirectory("peakmonitor-bench-browser-influxd");
    await using var browserServer = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = browserDir.Path }, NullLogger.Instance, CancellationToken.None);
    await BrowserBenchmark.RunAsync(browserServer.Url);
    return 0;
}

if (args.FirstOrDefault() == "reports")
{
    using var reportsDir = new TempDirectory("peakmonitor-bench-reports-influxd");
    await using var reportsServer = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = reportsDir.Path }, NullLogger.Instance, CancellationToken.None);
    await ReportBenchmark.RunAsync(reportsServer.Url);
    return 0;
}

if (args.FirstOrDefault() == "charts")
{
    using var chartsDir = new TempDirectory("peakmonitor-bench-charts-influxd");
    await using var chartsServer = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = chartsDir.Path }, NullLogger.Instance, CancellationToken.None);
    await ChartBenchmark.RunAsync(chartsServer.Url);
    return 0;
}

if (args.FirstOrDefault() == "load")
{
    using var loadDir = new TempDirectory("peakmonitor-bench-load-influxd");
    await using var loadServer = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = loadDir.Path }, NullLogger.Instance, CancellationToken.None);
    await LoadBenchmark.RunAsync(loadServer.Url);
    return 0;
}

if (args.FirstOrDefault() == "jobs")
{
    await JobsBenchmark.RunAsync();
    return 0;
}

if (args.FirstOrDefault() == "flood")
{
    using var floodDir = new TempDirectory("peakmonitor-bench-flood-influxd");
    await using var floodServer = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = floodDir.Path }, NullLogger.Instance, CancellationToken.None);
    await ApiFloodBenchmark.RunAsync(floodServer.Url);
    return 0;
}

if (args.FirstOrDefault() == "vintages")
{
    using var vintagesDir = new TempDirectory("peakmonitor-bench-vintages-influxd");
    await using var vintagesServer = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = vintagesDir.Path }, NullLogger.Instance, CancellationToken.None);
    await VintageBenchmark.RunAsync(vintagesServer.Url);
    return 0;
}

if (args.FirstOrDefault() == ImportBenchmark.ChildVerb)
{
    return await ImportBenchmark.ChildAsync(args[1], new Uri(args[2]), args[3]);
}

var points = Arg("--points", 1_000_000);
var runs = Arg("--runs", 3);
var batch = Arg("--batch", 5000);
var parallelism = Arg("--parallelism", 4);
var influxUrl = args.SkipWhile(a => a != "--influx").Skip(1).FirstOrDefault();

using var temp = new TempDirectory("peakmonitor-bench");
await using var managed = influxUrl is null
    ? await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = temp.Path }, NullLogger.Instance, CancellationToken.None)
    : null;
var server = managed?.Url ?? new Uri(influxUrl!.EndsWith('/') ? influxUrl : influxUrl + "/");
var version = await Client("_internal").PingAsync(CancellationToken.None);
Console.WriteLine($"InfluxDB {version} at {server}{(managed is null ? string.Empty : " (managed, fresh data folder)")}; {Environment.ProcessorCount} cores");

var generate = Stopwatch.StartNew();
var observations = BenchmarkData.Generate(points, seed: 2030);
var series = observations.Select(o => o.Key).Distinct().Count();
Console.WriteLine($"Generated {observations.Count:N0} points in {series:N0} series ({generate.Elapsed.TotalSeconds:F1} s); batches of {batch:N0}, {parallelism} in flight");

// The baseline's bodies are rendered before timing starts: it measures only the HTTP posting.
var render = Stopwatch.StartNew();
var bodies = observations.Chunk(batch).Select(chunk =>
{
    var line = new LineBuilder(batch * 140);
    foreach (var o in chunk)
    {
        InfluxTimeSeriesStore.Render(line, o);
    }

    return line.Written.ToArray();
}).ToArray();
Console.WriteLine($"Baseline payload: {bodies.Sum(b => (long)b.Length) / 1e6:F1} MB of line protocol, rendered on one thread in {render.Elapsed.TotalMilliseconds:F0} ms");

var baselineRates = new List<double>();
var ourRates = new List<double>();
string? lastOurDatabase = null;
for (var run = 1; run <= runs; run++)
{
    // Alternate which goes first, so neither always meets a warmer (or more compacted) server.
    var order = run % 2 == 1 ? new[] { "baseline", "ours" } : ["ours", "baseline"];
    foreach (var which in order)
    {
        var database = $"bench_{which}_{run}";
        var client = Client(database);
        await new InfluxDatabaseProvisioner(client, Options.Create(InfluxOptions(database)), NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        var sw = Stopwatch.StartNew();
        if (which == "baseline")
        {
            await RawPostAsync(database);
        }
        else
        {
            await new InfluxTimeSeriesStore(client).WriteAsync(observations, CancellationToken.None);
            lastOurDatabase = database;
        }

        sw.Stop();
        var rate = observations.Count / sw.Elapsed.TotalSeconds;
        (which == "baseline" ? baselineRates : ourRates).Add(rate);
        Console.WriteLine($"  run {run} {which,-8} {sw.Elapsed.TotalSeconds,6:F2} s  {rate,10:N0} points/s");
        if (which == "baseline" || run < runs)
        {
            await VerifyCountAsync(database);

            // Dropped at once, so that compacting old runs' shards does not slow the next run.
            await client.ExecuteAsync(new InfluxQuery($"DROP DATABASE \"{database}\""), CancellationToken.None);
        }
    }
}

await VerifyCountAsync(lastOurDatabase!);
var best = (Baseline: baselineRates.Max(), Ours: ourRates.Max());
var ratio = best.Ours / best.Baseline;
var paired = ourRates.Zip(baselineRates, (o, b) => o / b).Order().ToArray();
Console.WriteLine();
Console.WriteLine($"Write, best of {runs}: baseline {best.Baseline:N0} points/s; PeakMonitor writer {best.Ours:N0} points/s; ratio {ratio:F2}x");
Console.WriteLine($"  ratio within each run: {string.Join(", ", ourRates.Zip(baselineRates, (o, b) => (o / b).ToString("F2", CultureInfo.InvariantCulture) + "x"))} (median {paired[paired.Length / 2]:F2}x)");
Console.WriteLine($"  goal ratio >= 0.90x: {(ratio >= 0.9 ? "met" : "MISSED")}; goal >= 200,000 points/s: {(best.Ours >= 200_000 ? "met" : "MISSED")}");

// Query: yearly values of one indicator for all 32 regions, 2005–2025, through the store's read path.
var reader = new InfluxTimeSeriesStore(Client(lastOurDatabase!));
var query = new SeriesQuery(BenchmarkData.QueriedIndicator, SectorId.All, Period.OfYear(2005), Period.OfYear(2025));
var latencies = new List<double>();
var rows = 0;
for (var i = 0; i < 60; i++)
{
    var sw = Stopwatch.StartNew();
    rows = (await reader.ReadAsync(query, CancellationToken.None)).Count;
    sw.Stop();
    if (i >= 10)
    {
        latencies.Add(sw.Elapsed.TotalMilliseconds);
    }
}

latencies.Sort();
var median = latencies[latencies.Count / 2];
Console.WriteLine($"Query '{BenchmarkData.QueriedIndicator} yearly, 32 regions, 2005–2025' ({rows} rows): median {median:F1} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:F1} ms over {latencies.Count} runs");
Console.WriteLine($"  goal median < 20 ms: {(median < 20 ? "met" : "MISSED")}");
Console.WriteLine($"Every run's database held exactly {observations.Count:N0} points.");
Console.WriteLine();

var csvPath = ImportBenchmark.WriteCsv(observations, temp.Path);
await ImportBenchmark.RunAsync(csvPath, observations.Count, server, "bench_import", best.Baseline);
Console.WriteLine();
KpiBenchmark.Run();
Console.WriteLine();
await PageBenchmark.RunAsync(server);
Console.WriteLine();
await ReportBenchmark.RunAsync(server);
return 0;

InfluxOptions InfluxOptions(string database) => new() { Database = database, BatchSize = batch, WriteParallelism = parallelism, RequestTimeout = TimeSpan.FromSeconds(120) };

InfluxClient Client(string database) => new(new HttpClient(), new FixedInfluxEndpoint(server), Options.Create(InfluxOptions(database)));

// The baseline: pre-rendered bodies POSTed with a plain HttpClient, same batch size and parallelism, no retries.
async Task RawPostAsync(string database)
{
    using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(120) };
    var path = new Uri($"write?db={database}&precision=s", UriKind.Relative);
    await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (body, ct) =>
    {
        using var response = await http.PostAsync(path, new ByteArrayContent(body), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"baseline write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    });
}

async Task VerifyCountAsync(string database)
{
    var result = await Client(database).QueryAsync(new InfluxQuery($"SELECT count(\"{InfluxSchema.ValueField}\") FROM \"{InfluxSchema.Measurement}\""), CancellationToken.None);
    var stored = (long)(double)result.Single().Series.Single().Values.Single()[1]!;
    if (stored != observations.Count)
    {
        throw new InvalidOperationException($"{database} holds {stored:N0} points, not {observations.Count:N0}: a writer lost or duplicated points.");
    }
}

int Arg(string name, int fallback)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}

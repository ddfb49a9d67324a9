using System.Diagnostics;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Reports;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.Reports.Pdf;
using PeakMonitor.TestKit;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// Report generation on the seed data: one national report (PDF + Excel), first with a cold browser
/// and then warm; then the national and all 31 provincial reports in one batch (one browser).
/// Goals: one national report &lt; 5 s; 32 PDFs + 32 workbooks &lt; 120 s.
/// </summary>
internal static class ReportBenchmark
{
    public static async Task RunAsync(Uri server)
    {
        var database = "bench_reports";
        var options = Options.Create(new InfluxOptions { Database = database });
        var client = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server), options);
        await new InfluxDatabaseProvisioner(client, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        var seed = new List<Observation>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv"))
        {
            seed.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        var store = new InfluxTimeSeriesStore(client);
        await store.WriteAsync(seed, CancellationToken.None);
        var reportsOptions = Options.Create(new ReportsOptions { EchartsScript = Path.Combine(Repository.Root, "src", "PeakMonitor.Web", "node_modules", "echarts", "dist", "echarts.min.js") });
        await using var pdf = new HtmlPdfRenderer(reportsOptions);
        var kpis = new PeakMonitor.Ingestion.Kpis.KpiResults(store, Options.Create(new KpiJudgementOptions()),
            Options.Create(new PeakMonitor.Ingestion.Kpis.KpiOptions { ProvincialTargetsFile = Path.Combine(Repository.Root, "seed-data", "targets", "provincial-targets.csv") }),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PeakMonitor.Ingestion.Kpis.KpiResults>.Instance);
        var generator = new ReportGenerator(kpis, store, pdf, reportsOptions, TimeProvider.System);
        using var output = new TempDirectory("peakmonitor-bench-reports");

        var cold = Stopwatch.StartNew();
        await generator.GenerateAsync(2024, [RegionCode.National], false, ReportFormats.Pdf | ReportFormats.Xlsx, output.Path, null, CancellationToken.None);
        cold.Stop();
        var warm = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            await generator.GenerateAsync(2024, [RegionCode.National], false, ReportFormats.Pdf | ReportFormats.Xlsx, output.Path, null, CancellationToken.None);
            warm.Add(sw.Elapsed.TotalSeconds);
        }

        var batch = Stopwatch.StartNew();
        var files = await generator.GenerateAsync(2024, RegionCatalog.All.Select(r => r.Code).ToArray(), false, ReportFormats.Pdf | ReportFormats.Xlsx, output.Path, null, CancellationToken.None);
        batch.Stop();
        var best = warm.Min();
        Console.WriteLine($"Reports on the seed data, 2024 (Chinese):");
        Console.WriteLine($"  one national report (PDF + Excel): {cold.Elapsed.TotalSeconds:F2} s with the browser starting, {best:F2} s warm (best of 3)  goal < 5 s: {(Math.Max(cold.Elapsed.TotalSeconds, best) < 5 ? "met" : "MISSED")}");
        Console.WriteLine($"  nation + 31 provinces: {files.Count(f => f.Format == ReportFormats.Pdf)} PDFs + {files.Count(f => f.Format == ReportFormats.Xlsx)} workbooks in {batch.Elapsed.TotalSeconds:F1} s  goal < 120 s: {(batch.Elapsed.TotalSeconds < 120 ? "met" : "MISSED")}");
    }
}

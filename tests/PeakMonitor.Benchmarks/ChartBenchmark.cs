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
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Reports.Pdf;
using PeakMonitor.TestKit;
using SkiaSharp;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// Server-drawn charts and the Word report on the seed data. One trajectory image (800×400 PNG, warm,
/// median of 50) against the floor of any PNG of that size (encoding a blank bitmap with the same encoder settings, same run); then the
/// national and 31 provincial Word reports in one batch against the same 32 Excel annexes (same run).
/// Goals: one chart image warm &lt; 50 ms; 32 Word reports &lt; 60 s.
/// </summary>
internal static class ChartBenchmark
{
    public static async Task RunAsync(Uri server)
    {
        var database = "bench_charts";
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
        var kpis = new PeakMonitor.Ingestion.Kpis.KpiResults(store, Options.Create(new KpiJudgementOptions()),
            Options.Create(new PeakMonitor.Ingestion.Kpis.KpiOptions { ProvincialTargetsFile = Path.Combine(Repository.Root, "seed-data", "targets", "provincial-targets.csv") }),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PeakMonitor.Ingestion.Kpis.KpiResults>.Instance);
        var set = await kpis.GetAsync(CancellationToken.None);
        var kpi = KpiCatalog.Get("nonfossil_share");
        var series = set.Series(kpi.Id, "main", RegionCode.National).Where(r => r.Year <= 2024).ToArray();
        var lang = new UiLanguage();

        double Median(Action action, int runs)
        {
            for (var i = 0; i < 5; i++)
            {
                action();
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

        var chart = Median(() => ChartImages.Render(ChartModels.Trajectory(kpi, series, lang, "非化石能源消费比重（%）"), ChartImageFormat.Png, 800, 400), 50);
        var floor = Median(
            () =>
            {
                using var bitmap = new SKBitmap(800, 400);
                bitmap.Erase(SKColors.White);
                using var pixels = bitmap.PeekPixels();
                using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 4));
            },
            50);
        var svg = Median(() => ChartImages.Render(ChartModels.Trajectory(kpi, series, lang, "非化石能源消费比重（%）"), ChartImageFormat.Svg, 800, 400), 50);

        var reportsOptions = Options.Create(new ReportsOptions());
        await using var pdf = new HtmlPdfRenderer(reportsOptions);
        var generator = new ReportGenerator(kpis, store, pdf, reportsOptions, TimeProvider.System);
        using var output = new TempDirectory("peakmonitor-bench-charts");
        var regions = RegionCatalog.All.Select(r => r.Code).ToArray();
        var excel = Stopwatch.StartNew();
        var workbooks = await generator.GenerateAsync(2024, regions, false, ReportFormats.Xlsx, output.Path, null, CancellationToken.None);
        excel.Stop();
        var word = Stopwatch.StartNew();
        var documents = await generator.GenerateAsync(2024, regions, false, ReportFormats.Docx, output.Path, null, CancellationToken.None);
        word.Stop();
        var images = documents.Sum(d =>
        {
            using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(d.Path, false);
            return doc.MainDocumentPart!.ImageParts.Count();
        });

        Console.WriteLine("Charts and Word reports on the seed data, 2024 (Chinese):");
        Console.WriteLine($"  one trajectory image, 800×400 PNG, warm (median of 50): {chart:F1} ms  goal < 50 ms: {(chart < 50 ? "met" : "MISSED")}; baseline (a blank 800×400 PNG encoded, same run): {floor:F1} ms, ratio {chart / floor:F1}×; SVG {svg:F1} ms");
        Console.WriteLine($"  nation + 31 provinces: {documents.Count} Word reports ({images} chart images) in {word.Elapsed.TotalSeconds:F1} s  goal < 60 s: {(word.Elapsed.TotalSeconds < 60 ? "met" : "MISSED")}; baseline (the {workbooks.Count} Excel annexes, same run): {excel.Elapsed.TotalSeconds:F1} s, ratio {word.Elapsed.TotalSeconds / excel.Elapsed.TotalSeconds:F1}×");
    }
}

using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.TestKit;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// Server time to render Overview and Provinces from the seed data (median and p95 over many
/// requests), the InfluxDB queries each request makes, and the same with ten times the data.
/// Measured in normal operation (the KPI results are kept and refreshed in the background, so pages
/// only render); cold (the results dropped before every request: the request reads the store and runs
/// the engine, as after a start or an import by another process); and right after an import in the
/// app (a file imported through the app's own import runner before every request: the import refreshes
/// the results before it reports success, and the page that follows is timed).
/// Goals: p95 &lt; 150 ms with the seed data, &lt; 300 ms with ten times as much.
/// </summary>
internal static class PageBenchmark
{
    // The API's default page too: without parameters it answers its first page (issue 14: < 1 MB, < 200 ms).
    private static readonly string[] Pages = ["/", "/provinces?kpi=nonfossil_share", "/provinces/44", "/api/kpis"];

    public static async Task RunAsync(Uri server)
    {
        var seed = new List<Observation>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv"))
        {
            seed.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        var inputs = KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct().ToArray();
        var seedVolume = seed.Count(o => o.Sector.Value == "all" && inputs.Contains(o.Indicator));
        foreach (var mode in Enum.GetValues<Mode>())
        {
            await MeasureAsync(server, "seed data", seed, seedVolume, 150, mode);
        }

        // Ten times the volume the pages read: monthly series 2000–2025 for every KPI input in every region.
        var random = new Randomizer(2030);
        var extra = new List<Observation>(seed);
        // Rates (levels, published changes) are annual only: they are never derived from months.
        foreach (var indicator in inputs.Where(i => IndicatorCatalog.Get(i).Kind is not (IndicatorKind.Level or IndicatorKind.Change)))
        {
            foreach (var region in RegionCatalog.All)
            {
                var value = random.Double(100, 10_000);
                for (var year = 2000; year <= 2025; year++)
                {
                    for (var month = 1; month <= 12; month++)
                    {
                        value *= 1 + random.Double(-0.005, 0.01);
                        extra.Add(new Observation(indicator, region.Code, SectorId.All, Period.OfMonth(year, month), Math.Round(value, 2), "synthetic"));
                    }
                }
            }
        }

        var tenfold = extra.Count(o => o.Sector.Value == "all" && inputs.Contains(o.Indicator));
        foreach (var mode in Enum.GetValues<Mode>())
        {
            await MeasureAsync(server, $"{(double)tenfold / seedVolume:F1}x the data", extra, tenfold, 300, mode);
        }
    }

    private enum Mode
    {
        /// <summary>Results kept, refreshed in the background.</summary>
        Normal,

        /// <summary>Results dropped before every request.</summary>
        Cold,

        /// <summary>A file imported through the app before every request.</summary>
        AfterImport,
    }

    private static async Task MeasureAsync(Uri server, string label, IReadOnlyList<Observation> data, int volume, double goalMs, Mode mode)
    {
        var database = "bench_pages_" + Guid.NewGuid().ToString("N")[..6];
        var options = Options.Create(new InfluxOptions { Database = database });
        var client = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server), options);
        await new InfluxDatabaseProvisioner(client, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        await new InfluxTimeSeriesStore(client).WriteAsync(data, CancellationToken.None);

        // The factory looks for the web project's content root beside the solution; tell it where it is.
        var contentRoot = Path.Combine(Repository.Root, "src", "PeakMonitor.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PEAKMONITOR_WEB", contentRoot);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PeakMonitor_Web", contentRoot);
        var counter = new QueryCount();
        await using var factory = new WebApplicationFactory<PeakMonitor.Web.Dashboard.ReadCache>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Influx:Url", server.ToString());
            b.UseSetting("Influx:Database", database);
            b.UseSetting("Dashboard:CacheDuration", "00:10:00");
            b.UseSetting("Kpi:RefreshAfter", "00:10:00");
            b.UseSetting("Kpi:ProvincialTargetsFile", Path.Combine(Repository.Root, "seed-data", "targets", "provincial-targets.csv"));
            b.UseSetting("Ingestion:DataDirectory", Path.Combine(Path.GetTempPath(), $"peakmonitor-bench-{database}", "ingestion"));
            b.UseSetting("Ingestion:SchedulerEnabled", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Accounts:DatabasePath", Path.Combine(Path.GetTempPath(), $"peakmonitor-bench-{database}", "accounts.db"));
            b.UseSetting("Accounts:KeysDirectory", Path.Combine(Path.GetTempPath(), $"peakmonitor-bench-{database}", "keys"));
            b.ConfigureTestServices(s => s.Configure<HttpClientFactoryOptions>(typeof(InfluxClient).Name, o => o.HttpMessageHandlerBuilderActions.Add(h => h.AdditionalHandlers.Add(new QueryCounter(counter)))));
        });
        // Pages are measured as a signed-in analyst sees them; redirects are not followed, so a lost sign-in fails loudly.
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (name, password) = (await TestAccounts.CreateUsersAsync(factory.Services, PeakMonitor.Accounts.Roles.Analyst, 1))[0];
        await TestAccounts.SignInAsync(http, name, password);
        var kpis = factory.Services.GetRequiredService<PeakMonitor.Ingestion.Kpis.KpiResults>();
        var runner = factory.Services.GetRequiredService<PeakMonitor.Ingestion.Jobs.ImportRunner>();
        var uploads = Path.Combine(Path.GetTempPath(), $"peakmonitor-bench-{database}", "uploads");
        Directory.CreateDirectory(uploads);
        Console.WriteLine($"Pages with {label} ({volume:N0} stored values the KPI pages read), " + mode switch
        {
            Mode.Normal => "normal operation (results kept, refreshed in the background):",
            Mode.Cold => "cold: the results dropped before every request (a start, or an import by another process):",
            _ => "right after an import in the app (a one-row file imported through the app's import runner before every request):",
        });
        foreach (var page in Pages)
        {
            for (var i = 0; i < 5; i++)
            {
                (await http.GetAsync(new Uri(page, UriKind.Relative))).EnsureSuccessStatusCode();
            }

            var times = new List<double>();
            var imports = new List<double>();
            var errors = 0;
            var pageQueries = 0;
            var requests = mode == Mode.AfterImport ? 20 : 60;
            for (var i = 0; i < requests; i++)
            {
                if (mode == Mode.Cold)
                {
                    kpis.Forget();
                }
                else if (mode == Mode.AfterImport)
                {
                    // A new value each time, so every import changes the data the pages show.
                    var file = Path.Combine(uploads, $"storage-{i}.csv");
                    await File.WriteAllTextAsync(file, $"region,indicator,period,value,unit,source\nCN,cap_new_storage,2024,{7376 + i},10k kW,bench\n");
                    var import = Stopwatch.StartNew();
                    var run = await runner.RunAsync("bench", file, skipIfImported: false, progress: null, CancellationToken.None);
                    imports.Add(import.Elapsed.TotalMilliseconds);
                    errors += run.Status == PeakMonitor.Ingestion.Jobs.RunStatus.Succeeded ? 0 : 1;
                }

                var queriesBefore = counter.Queries;
                var sw = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri(page, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                times.Add(sw.Elapsed.TotalMilliseconds);
                errors += response.IsSuccessStatusCode ? 0 : 1;
                pageQueries += counter.Queries - queriesBefore;
            }

            times.Sort();
            imports.Sort();
            var p95 = times[(int)(times.Count * 0.95)];
            var importNote = imports.Count > 0 ? $"  (the import itself, KPI refresh included: median {imports[imports.Count / 2]:F0} ms)" : string.Empty;
            Console.WriteLine($"  {page,-34} median {times[times.Count / 2],6:F1} ms  p95 {p95,6:F1} ms  {(double)pageQueries / requests:F1} InfluxDB queries/request  {errors} errors  goal p95 < {goalMs} ms: {(p95 < goalMs && errors == 0 ? "met" : "MISSED")}{importNote}");
        }
    }

    /// <summary>The number of requests the app sent to InfluxDB's /query, across handler pipelines.</summary>
    private sealed class QueryCount
    {
        private int _queries;

        public int Queries => Volatile.Read(ref _queries);

        public void Add() => Interlocked.Increment(ref _queries);
    }

    /// <summary>
    /// Counts into a shared <see cref="QueryCount"/>. A new handler for every pipeline the client factory
    /// builds: it rotates pipelines, and a DelegatingHandler must not be reused ("InnerHandler must be null").
    /// </summary>
    private sealed class QueryCounter(QueryCount count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/query", StringComparison.Ordinal) == true)
            {
                count.Add();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

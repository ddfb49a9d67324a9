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
/// Measured in normal operation (the KPI snapshot is kept and refreshed in the background, so pages
/// only render) and cold (the snapshot dropped before every request, as right after an import: the
/// request reads the store and runs the engine).
/// Goals: p95 &lt; 150 ms with the seed data, &lt; 300 ms with ten times as much.
/// </summary>
internal static class PageBenchmark
{
    private static readonly string[] Pages = ["/", "/provinces?kpi=nonfossil_share", "/provinces/44"];

    public static async Task RunAsync(Uri server)
    {
        var seed = new List<Observation>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv"))
        {
            seed.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        var inputs = KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct().ToArray();
        var seedVolume = seed.Count(o => o.Sector.Value == "all" && inputs.Contains(o.Indicator));
        await MeasureAsync(server, "seed data", seed, seedVolume, 150, cached: true);
        await MeasureAsync(server, "seed data", seed, seedVolume, 150, cached: false);

        // Ten times the volume the pages read: monthly series 2000–2025 for every KPI input in every region.
        var random = new Randomizer(2030);
        var extra = new List<Observation>(seed);
        foreach (var indicator in inputs.Where(i => IndicatorCatalog.Get(i).Kind != IndicatorKind.Level))
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
        await MeasureAsync(server, $"{(double)tenfold / seedVolume:F1}x the data", extra, tenfold, 300, cached: true);
        await MeasureAsync(server, $"{(double)tenfold / seedVolume:F1}x the data", extra, tenfold, 300, cached: false);
    }

    private static async Task MeasureAsync(Uri server, string label, IReadOnlyList<Observation> data, int volume, double goalMs, bool cached)
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
        var counter = new QueryCounter();
        await using var factory = new WebApplicationFactory<PeakMonitor.Web.Dashboard.DashboardData>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Influx:Url", server.ToString());
            b.UseSetting("Influx:Database", database);
            b.UseSetting("Dashboard:CacheDuration", "00:10:00");
            b.UseSetting("Ingestion:SchedulerEnabled", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Accounts:DatabasePath", Path.Combine(Path.GetTempPath(), $"peakmonitor-bench-{database}", "accounts.db"));
            b.UseSetting("Accounts:KeysDirectory", Path.Combine(Path.GetTempPath(), $"peakmonitor-bench-{database}", "keys"));
            b.ConfigureTestServices(s => s.Configure<HttpClientFactoryOptions>(typeof(InfluxClient).Name, o => o.HttpMessageHandlerBuilderActions.Add(h => h.AdditionalHandlers.Add(counter))));
        });
        // Pages are measured as a signed-in analyst sees them; redirects are not followed, so a lost sign-in fails loudly.
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (name, password) = (await TestAccounts.CreateUsersAsync(factory.Services, PeakMonitor.Accounts.Roles.Analyst, 1))[0];
        await TestAccounts.SignInAsync(http, name, password);
        var dashboard = factory.Services.GetRequiredService<PeakMonitor.Web.Dashboard.DashboardData>();
        Console.WriteLine($"Pages with {label} ({volume:N0} stored values the KPI pages read), {(cached ? "normal operation (snapshot kept, refreshed in the background)" : "cold: the snapshot dropped before every request, as after an import")}:");
        foreach (var page in Pages)
        {
            for (var i = 0; i < 5; i++)
            {
                (await http.GetAsync(new Uri(page, UriKind.Relative))).EnsureSuccessStatusCode();
            }

            var times = new List<double>();
            var queriesBefore = counter.Queries;
            const int requests = 60;
            for (var i = 0; i < requests; i++)
            {
                if (!cached)
                {
                    dashboard.Invalidate();
                }

                var sw = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri(page, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                times.Add(sw.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var p95 = times[(int)(times.Count * 0.95)];
            Console.WriteLine($"  {page,-34} median {times[times.Count / 2],6:F1} ms  p95 {p95,6:F1} ms  {(double)(counter.Queries - queriesBefore) / requests:F1} InfluxDB queries/request  goal p95 < {goalMs} ms: {(p95 < goalMs ? "met" : "MISSED")}");
        }
    }

    /// <summary>Counts the requests the app sends to InfluxDB's /query.</summary>
    private sealed class QueryCounter : DelegatingHandler
    {
        private int _queries;

        public int Queries => _queries;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/query", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref _queries);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.TestKit;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// A bounded load test on loopback: the web app in its own process on the seed data, 50 concurrent
/// clients browsing Overview, Provinces and Explorer for 60 s. Prints throughput, p95 latency, errors,
/// and the app's memory (VmRSS) before and after. Goal: 0 errors, p95 &lt; 500 ms. Every client is a
/// different analyst (Explorer needs that role), signed in through the sign-in form with its own
/// cookies; redirects are not followed, so a lost sign-in counts as an error, not as a fast page.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly string[] Paths = ["/", "/provinces?kpi=nonfossil_share", "/provinces?kpi=carbon_intensity_reduction:vs2005&group=yrd", "/explore?ind=energy_total&ind=co2_energy&region=CN&region=44&from=2010&to=2024", "/provinces/44"];

    /// <summary>A fresh database on <paramref name="server"/> holding the repository's seed data.</summary>
    public static async Task SeedAsync(Uri server, string database)
    {
        var options = Options.Create(new InfluxOptions { Database = database });
        var client = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server), options);
        await new InfluxDatabaseProvisioner(client, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        var seed = new List<Observation>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv"))
        {
            seed.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        await new InfluxTimeSeriesStore(client).WriteAsync(seed, CancellationToken.None);
    }

    /// <summary>The app's settings in a benchmark: the given store, a data folder of its own, the accounts made for it.</summary>
    public static Dictionary<string, string?> AppSettings(Uri server, string database, string dataDirectory, string accounts) => new()
    {
        ["Influx__Url"] = server.ToString(),
        ["Influx__Database"] = database,
        ["Ingestion__DataDirectory"] = dataDirectory,
        ["Accounts__DatabasePath"] = accounts,
        ["Accounts__KeysDirectory"] = Path.Combine(dataDirectory, "keys"),
        ["Reports__ArchiveDirectory"] = Path.Combine(dataDirectory, "reports"),

        // Every simulated user signs in from this one address; the sign-in limiter is not what is measured.
        ["RateLimits__SignInAttemptsPerMinute"] = "100000",
    };

    public static async Task RunAsync(Uri server, int users = 50, int seconds = 60)
    {
        const string database = "bench_load";
        await SeedAsync(server, database);
        using var data = new TempDirectory("peakmonitor-bench-load");
        var accounts = Path.Combine(data.Path, "accounts.db");
        var people = await TestAccounts.CreateUsersAsync(accounts, PeakMonitor.Accounts.Roles.Analyst, users);
        await using var app = await AppProcess.StartAsync(AppSettings(server, database, data.Path, accounts));
        try
        {
            var clients = Enumerable.Range(0, users).Select(_ => app.CreateClient()).ToArray();
            var signIn = Stopwatch.StartNew();
            for (var u = 0; u < users; u++)
            {
                await TestAccounts.SignInAsync(clients[u], people[u].Name, people[u].Password);
            }

            var signInMs = signIn.Elapsed.TotalMilliseconds / users;
            foreach (var path in Paths)
            {
                (await clients[0].GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
            }

            var before = app.MemoryBytes;
            var deadline = Stopwatch.StartNew();
            var (all, errors) = await BrowseAsync(clients, Paths, TimeSpan.FromSeconds(seconds));
            var after = app.MemoryBytes;
            var p95 = all[(int)(all.Length * 0.95)];
            Console.WriteLine($"Load: {users} concurrent signed-in users (analysts, one session each) × {seconds} s over {Paths.Length} pages, app in its own process:");
            Console.WriteLine($"  sign-in through the form: {signInMs:F0} ms per user (PBKDF2 password check), done before the clock starts");
            Console.WriteLine($"  {all.Length:N0} requests, {all.Length / deadline.Elapsed.TotalSeconds:N0} requests/s, median {all[all.Length / 2]:F1} ms, p95 {p95:F1} ms, {errors} errors");
            Console.WriteLine($"  app memory (VmRSS): {before / 1e6:F0} MB before, {after / 1e6:F0} MB after");
            Console.WriteLine($"  goal 0 errors and p95 < 500 ms: {(errors == 0 && p95 < 500 ? "met" : "MISSED")}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Every client requests the paths in turn, one request at a time, until <paramref name="duration"/> is
    /// over; returns the latencies in milliseconds, sorted, and how many requests failed.
    /// </summary>
    public static async Task<(double[] Latencies, int Errors)> BrowseAsync(HttpClient[] clients, string[] paths, TimeSpan duration)
    {
        var latencies = new List<double>[clients.Length];
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (http, u) =>
        {
            latencies[u] = [];
            var i = u;
            while (deadline.Elapsed < duration)
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(new Uri(paths[i++ % paths.Length], UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[u].Add(sw.Elapsed.TotalMilliseconds);
            }
        }));
        return (latencies.SelectMany(l => l).Order().ToArray(), errors);
    }
}

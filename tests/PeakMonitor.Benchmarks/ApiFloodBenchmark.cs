using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using PeakMonitor.TestKit;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// One API token floods the app with heavy reads (200 at once, each the largest page of /api/kpis, each
/// sent again as soon as it is answered, Retry-After ignored as a hostile client would) while other
/// signed-in users browse the overview, one request at a time each. The app runs in its own process on
/// the seed data. Reported: the others' latency with and without the flood (same run), and how the
/// flood was answered. Goal: others' GET / p95 &lt; 150 ms during the flood, no errors for them, the
/// flood's excess answered 429 with Retry-After.
/// </summary>
internal static class ApiFloodBenchmark
{
    private const string HeavyRead = "/api/kpis?pageSize=5000";

    public static async Task RunAsync(Uri server, int browsers = 20, int flood = 200, int seconds = 30)
    {
        const string database = "bench_flood";
        await LoadBenchmark.SeedAsync(server, database);
        using var data = new TempDirectory("peakmonitor-bench-flood");
        var accounts = Path.Combine(data.Path, "accounts.db");
        var people = await TestAccounts.CreateUsersAsync(accounts, PeakMonitor.Accounts.Roles.Viewer, browsers + 1);
        var token = await TestAccounts.CreateTokenAsync(accounts, people[^1].Name, "flood");
        await using var app = await AppProcess.StartAsync(LoadBenchmark.AppSettings(server, database, data.Path, accounts));
        var clients = Enumerable.Range(0, browsers).Select(_ => app.CreateClient()).ToArray();
        for (var u = 0; u < browsers; u++)
        {
            await TestAccounts.SignInAsync(clients[u], people[u].Name, people[u].Password);
            (await clients[u].GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = flood }) { BaseAddress = app.Url, Timeout = TimeSpan.FromSeconds(120) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var page = await api.GetByteArrayAsync(new Uri(HeavyRead, UriKind.Relative));

        // Warm up (JIT, the dashboard snapshot) before anything is measured, then one user alone for the cost of a page.
        await BrowseAsync(clients, TimeSpan.FromSeconds(10));
        var alone = await BrowseAsync(clients[..1], TimeSpan.FromSeconds(5));
        var quiet = await BrowseAsync(clients, TimeSpan.FromSeconds(seconds / 2.0));
        var memoryBefore = app.MemoryBytes;
        using var stop = new CancellationTokenSource();
        var (ok, refused, withRetryAfter, failed) = (0, 0, 0, 0);
        var flooding = Enumerable.Range(0, flood).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await api.GetAsync(new Uri(HeavyRead, UriKind.Relative), stop.Token);
                    await response.Content.ReadAsByteArrayAsync(stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        Interlocked.Increment(ref refused);
                        if (response.Headers.RetryAfter is not null)
                        {
                            Interlocked.Increment(ref withRetryAfter);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();
        var clock = Stopwatch.StartNew();
        var busy = await BrowseAsync(clients, TimeSpan.FromSeconds(seconds));
        await stop.CancelAsync();
        await Task.WhenAll(flooding);
        var elapsed = clock.Elapsed.TotalSeconds;

        Console.WriteLine($"API flood: one token, {flood} concurrent reads of {HeavyRead} ({page.Length / 1e6:F1} MB each) for {seconds} s, while {browsers} other signed-in users browse '/'; app in its own process:");
        Console.WriteLine($"  flood answered: {ok:N0} × 200 ({ok / elapsed:F1}/s), {refused:N0} × 429 ({withRetryAfter:N0} with Retry-After), {failed} other");
        Console.WriteLine($"  one user alone: GET / median {alone.Median:F1} ms, p95 {alone.P95:F1} ms ({alone.Count / 5.0:F0} requests/s)");
        Console.WriteLine($"  others' GET /: without the flood {quiet.Count:N0} requests, median {quiet.Median:F1} ms, p95 {quiet.P95:F1} ms; during it {busy.Count:N0} requests, median {busy.Median:F1} ms, p95 {busy.P95:F1} ms ({busy.P95 / quiet.P95:F2}× the quiet p95), {busy.Errors} errors");
        Console.WriteLine($"  app memory (VmRSS): {memoryBefore / 1e6:F0} MB before the flood, {app.MemoryBytes / 1e6:F0} MB after; peak (VmHWM) {app.PeakMemoryBytes / 1e6:F0} MB");
        Console.WriteLine($"  goal others' p95 < 150 ms, 0 errors, excess answered 429 with Retry-After: {(busy.P95 < 150 && busy.Errors == 0 && refused > 0 && withRetryAfter == refused ? "met" : "MISSED")}");
    }

    private static async Task<(int Count, double Median, double P95, int Errors)> BrowseAsync(HttpClient[] clients, TimeSpan duration)
    {
        var (all, errors) = await LoadBenchmark.BrowseAsync(clients, ["/"], duration);
        return (all.Length, all[all.Length / 2], all[(int)(all.Length * 0.95)], errors);
    }
}

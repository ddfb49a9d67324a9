using System.Diagnostics;
using Microsoft.Playwright;
using PeakMonitor.TestKit;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// The dashboard in real Chromium, with Blazor's script (<c>blazor.web.js</c>) and, as the baseline in the
/// same run, without it (<c>Dashboard:EnhancedNavigation=false</c>): two app processes on one store, page
/// loads alternated between them. Measured: from the start of navigation until every chart on the page
/// is drawn; and, with the script, the same page reached by a click (enhanced navigation).
/// </summary>
internal static class BrowserBenchmark
{
    private static readonly string[] Pages = ["/", "/provinces?kpi=nonfossil_share"];

    public static async Task RunAsync(Uri server, int loads = 30)
    {
        const string database = "bench_browser";
        await LoadBenchmark.SeedAsync(server, database);
        using var data = new TempDirectory("peakmonitor-bench-browser");
        var accounts = Path.Combine(data.Path, "accounts.db");
        var person = (await TestAccounts.CreateUsersAsync(accounts, PeakMonitor.Accounts.Roles.Viewer, 1))[0];

        Dictionary<string, string?> Settings(bool enhanced, string folder)
        {
            var settings = LoadBenchmark.AppSettings(server, database, Path.Combine(data.Path, folder), accounts);
            settings["Dashboard__EnhancedNavigation"] = enhanced ? "true" : "false";
            return settings;
        }

        await using var plainApp = await AppProcess.StartAsync(Settings(false, "plain"));
        await using var scriptApp = await AppProcess.StartAsync(Settings(true, "script"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var plain = await SignedInPageAsync(browser, plainApp.Url, person.Name, person.Password);
        var script = await SignedInPageAsync(browser, scriptApp.Url, person.Name, person.Password);

        var times = Pages.ToDictionary(p => p, _ => (Plain: new List<double>(), Script: new List<double>()));
        var clicked = new List<double>();
        for (var i = -3; i < loads; i++)
        {
            foreach (var path in Pages)
            {
                // Alternate which goes first, so neither always meets a warmer machine.
                var plainMs = 0.0;
                var scriptMs = 0.0;
                if (i % 2 == 0)
                {
                    plainMs = await LoadAsync(plain, plainApp.Url, path);
                    scriptMs = await LoadAsync(script, scriptApp.Url, path);
                }
                else
                {
                    scriptMs = await LoadAsync(script, scriptApp.Url, path);
                    plainMs = await LoadAsync(plain, plainApp.Url, path);
                }

                if (i >= 0)
                {
                    times[path].Plain.Add(plainMs);
                    times[path].Script.Add(scriptMs);
                }
            }

            // Overview → Provinces by the nav link: with the script, the page is swapped in place.
            await script.GotoAsync(scriptApp.Url.ToString());
            await ChartsDrawnAsync(script);
            var click = Stopwatch.StartNew();
            await script.Locator("nav a[href='/provinces']").ClickAsync();
            await script.WaitForURLAsync("**/provinces");
            await ChartsDrawnAsync(script);
            if (i >= 0)
            {
                clicked.Add(click.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"Browser: Chromium, {loads} loads per page and mode after 3 warm-ups, navigation start → every chart drawn, seed data:");
        foreach (var (path, (p, s)) in times)
        {
            var (p50, p95, s50, s95) = (Quantile(p, 0.5), Quantile(p, 0.95), Quantile(s, 0.5), Quantile(s, 0.95));
            Console.WriteLine($"  {path,-34} without script median {p50,6:F1} ms p95 {p95,6:F1} ms · with blazor.web.js median {s50,6:F1} ms p95 {s95,6:F1} ms · p95 ratio {s95 / p95:F2}× (goal ≤ 1.1×: {(s95 <= p95 * 1.1 ? "met" : "MISSED")})");
        }

        Console.WriteLine($"  Overview → Provinces by a click (enhanced navigation): median {Quantile(clicked, 0.5):F1} ms, p95 {Quantile(clicked, 0.95):F1} ms");
    }

    private static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri app, string name, string password)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await page.GotoAsync(new Uri(app, "/login").ToString());
        await page.FillAsync("#login-form input[name='Input.UserName']", name);
        await page.FillAsync("#login-form input[name='Input.Password']", password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    private static async Task<double> LoadAsync(IPage page, Uri app, string path)
    {
        await page.GotoAsync(new Uri(app, path).ToString());
        await ChartsDrawnAsync(page);

        // performance.now() counts from the start of this navigation.
        return await page.EvaluateAsync<double>("() => performance.now()");
    }

    private static Task ChartsDrawnAsync(IPage page) =>
        page.WaitForFunctionAsync("() => { const c = document.querySelectorAll('[data-chart]'); return c.length > 0 && [...c].every(e => e.dataset.drawn === 'true'); }");

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}

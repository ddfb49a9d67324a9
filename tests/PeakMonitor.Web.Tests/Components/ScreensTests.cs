using Microsoft.Playwright;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

/// <summary>
/// Every page in real Chromium on a phone (390 px) and a desktop (1440 px), in both languages: nothing
/// wider than the screen, no script or CSP error in the console, and the page wholly in its language.
/// Screenshots of each go to the test output's artifacts folder for a person to look at.
/// </summary>
public sealed class ScreensTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "overview" },
        { "/provinces", "provinces" },
        { "/provinces/44", "province-44" },
        { "/explore?ind=cap_wind&ind=cap_solar&region=CN&region=15&from=2010&to=2024", "explore" },
        { "/sectors?region=CN&sector=all", "sectors" },
        { "/methodology", "methodology" },
        { "/decomposition", "decomposition" },
        { "/revisions?region=CN", "revisions" },
        { "/scenarios?region=CN&nonfossil-points=1", "scenarios" },
        { "/?asOf=2024-06-01", "overview-as-of" },
        { "/data", "data" },
        { "/reports", "reports" },
        { "/account", "account" },
        { "/admin/users", "admin-users" },
        { "/admin/audit", "admin-audit" },
        { "/admin/events", "admin-events" },
    };

    // Names and abbreviations a Chinese page writes in Latin letters too (the product's name, units,
    // formats, GDP as in 单位GDP, LMDI the method's name). Codes, citations and marked quotations are skipped by the script below.
    private static readonly string[] LatinAllowed = ["PeakMonitor", "CO2", "GDP", "GW", "API", "CSV", "Excel", "PNG", "SVG", "PDF", "URL", "HTML", "Word", "LMDI"];

    /// <summary>
    /// The words of the visible text that are not in the page's language: for a Chinese page, Latin words
    /// of three letters or more outside the allow-list; for an English page, runs of Chinese characters.
    /// Skipped: code and ids (<c>code</c>, <c>[data-code]</c>), citations (<c>cite</c>, <c>.source</c>),
    /// and text marked as the other language (<c>[lang]</c> differing from the page's), such as the
    /// language switch or a quoted plan term.
    /// </summary>
    private const string ForeignWordsScript = """
        ([english, allowed]) => {
          const pageLang = document.documentElement.lang;
          const skip = el => el.closest('script, style, code, cite, .source, [data-code], noscript, template')
            || [...(function* () { for (let e = el; e && e !== document.documentElement; e = e.parentElement) yield e; })()]
                 .some(e => e.hasAttribute('lang') && e.getAttribute('lang') !== pageLang);
          const hidden = el => { const s = getComputedStyle(el); return s.display === 'none' || s.visibility === 'hidden'; };
          const pattern = english ? /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]+/g : /[A-Za-z][A-Za-z]{2,}/g;
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!el || skip(el) || hidden(el)) continue;
            for (const word of node.textContent.match(pattern) || []) {
              if (!allowed.includes(word)) found.push(word + ' ← ' + node.textContent.trim().slice(0, 80));
            }
          }
          return found;
        }
        """;

    /// <summary>The app on Kestrel, a user of <paramref name="role"/> and Debian's Chromium, for one test.</summary>
    private async Task WithBrowserAsync(string role, Func<IBrowser, Uri, string, string, Task> test)
    {
        await using var factory = seeded.Factory();
        var url = factory.StartKestrel();
        var (user, password) = await factory.AddUserAsync(role);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                await test(browser, url, user, password);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_PhoneAndDesktopInBothLanguages_FitsNoErrorsOneLanguage(string path, string name)
    {
        await WithBrowserAsync(PeakMonitor.Accounts.Roles.Admin, async (browser, url, user, password) =>
        {
            string signedIn;
            await using (var first = await browser.NewContextAsync())
            {
                await Browser.SignInAsync(await first.NewPageAsync(), url, user, password);
                signedIn = await first.StorageStateAsync();
            }

            var problems = new List<string>();
            foreach (var width in new[] { 390, 1440 })
            {
                foreach (var english in new[] { false, true })
                {
                    await using var context = await browser.NewContextAsync(new() { StorageState = signedIn, ViewportSize = new() { Width = width, Height = width < 800 ? 844 : 900 } });
                    await context.AddCookiesAsync([new Cookie { Name = "pm-lang", Value = english ? "en" : "zh", Url = url.ToString() }]);
                    var page = await context.NewPageAsync();
                    var errors = new List<string>();
                    page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
                    page.PageError += (_, e) => errors.Add(e);

                    var response = await page.GotoAsync(new Uri(url, path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
                    var label = $"{name} {width}px {(english ? "en" : "zh")}";
                    Assert.Equal(200, response!.Status);
                    Assert.Equal(english ? "en" : "zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
                    if (await page.Locator("[data-chart]").CountAsync() > 0)
                    {
                        await page.WaitForSelectorAsync("[data-chart][data-drawn='true']");
                    }

                    var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                    if (widths[0] > widths[1])
                    {
                        problems.Add($"{label}: {widths[0]} px wide on a {widths[1]} px screen");
                    }

                    problems.AddRange(errors.Select(e => $"{label}: console: {e}"));
                    var foreign = await page.EvaluateAsync<string[]>(ForeignWordsScript, new object[] { english, LatinAllowed });
                    problems.AddRange(foreign.Select(w => $"{label}: {w}"));
                    await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath($"screen-{name}-{width}-{(english ? "en" : "zh")}.png"), FullPage = true });
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        });
    }

    [Theory]
    [InlineData("/", "overview")]
    [InlineData("/provinces/44", "province-44")]
    public async Task Page_PrintMedia_NavHiddenColoursKeptFooterNamesThePage(string path, string name)
    {
        await WithBrowserAsync(PeakMonitor.Accounts.Roles.Viewer, async (browser, url, user, password) =>
        {
            // A4 at 96 dpi: 794 px wide.
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 794, Height = 1123 } });
            await Browser.SignInAsync(page, url, user, password);
            await page.GotoAsync(new Uri(url, path).ToString());
            await page.WaitForSelectorAsync("[data-chart][data-drawn='true']");
            await page.EmulateMediaAsync(new() { Media = Media.Print });

            Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('nav')).display"));
            Assert.True(await page.Locator("#print-footer").IsVisibleAsync(), "the print footer shows");
            var footer = await page.Locator("#print-footer").InnerTextAsync();
            Assert.Contains(path == "/" ? "/" : path, footer, StringComparison.Ordinal);
            Assert.Contains("数据年份", footer, StringComparison.Ordinal);

            // Status colours survive printing (print-color-adjust: exact), not just the words.
            var chip = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.status-chip')).backgroundColor");
            Assert.NotEqual("rgba(0, 0, 0, 0)", chip);
            Assert.Equal("exact", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.status-chip')).printColorAdjust"));
            Assert.Equal(0, await page.Locator("form:visible").CountAsync());

            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath($"print-{name}.png"), FullPage = true });
            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        });
    }

    [Fact]
    public async Task Navigation_EnhancedByBlazorScript_ChartsDrawnAfterPageSwap()
    {
        await WithBrowserAsync(PeakMonitor.Accounts.Roles.Viewer, async (browser, url, user, password) =>
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await Browser.SignInAsync(page, url, user, password);
            await page.GotoAsync(url.ToString());
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), "blazor.web.js is loaded");
            await page.EvaluateAsync("() => { window.__samePage = true; }");

            await page.Locator("nav a[href='/provinces']").ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('h1')?.textContent.includes('省')");
            await page.WaitForSelectorAsync("[data-chart][data-drawn='true']");

            // Enhanced navigation swaps the page in place: the window (and our marker) survive.
            Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "navigated without a full reload");
            Assert.Equal(await page.Locator("[data-chart]").CountAsync(), await page.Locator("[data-chart][data-drawn='true']").CountAsync());
            Assert.Empty(errors);
        });
    }
}

using Microsoft.Playwright;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

/// <summary>The dashboard in real Chromium: charts drawn, navigation, language switch; a screenshot per page.</summary>
public sealed class BrowserTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    private async Task WithPageAsync(Func<IPage, Uri, Task> test)
    {
        await using var factory = seeded.Factory();
        var url = factory.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
                var (name, password) = await factory.AddUserAsync(PeakMonitor.Accounts.Roles.Admin);
                await Browser.SignInAsync(page, url, name, password);
                await test(page, url);
            }
        }
    }

    [Theory]
    [InlineData("/", "overview")]
    [InlineData("/provinces", "provinces")]
    [InlineData("/provinces/44", "province-44")]
    [InlineData("/explore?ind=cap_wind&ind=cap_solar&region=CN&region=15&from=2010&to=2024", "explore")]
    [InlineData("/sectors?region=CN&sector=all", "sectors")]
    [InlineData("/methodology", "methodology")]
    [InlineData("/data", "data")]
    [InlineData("/reports", "reports")]
    [InlineData("/account", "account")]
    [InlineData("/admin/users", "admin-users")]
    [InlineData("/admin/audit", "admin-audit")]
    public async Task Page_InChromium_EveryChartDrawnAsSvg(string path, string name)
    {
        await WithPageAsync(async (page, url) =>
        {
            var response = await page.GotoAsync(new Uri(url, path).ToString());

            Assert.Equal(200, response!.Status);
            var charts = await page.Locator("[data-chart]").CountAsync();
            if (charts > 0)
            {
                await page.WaitForSelectorAsync("[data-chart][data-drawn='true'] svg");
                Assert.Equal(charts, await page.Locator("[data-chart][data-drawn='true']").CountAsync());
                Assert.True(await page.Locator("[data-chart] svg path").CountAsync() > charts, "lines are drawn");
            }

            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath($"{name}.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task Scenarios_MoveSlider_ResultChangesWithoutAPageLoad()
    {
        await WithPageAsync(async (page, url) =>
        {
            await page.GotoAsync(new Uri(url, "/scenarios?region=CN&nonfossil-points=1").ToString());
            // The circuit is up once the page says so (set after its first interactive render).
            await page.WaitForSelectorAsync("#scenario-page[data-interactive='true']", new() { Timeout = 60_000 });
            var cell = page.Locator("#scenario-results tr[data-kpi='nonfossil_share'][data-track='main'] td[data-year='2030']");
            var before = await cell.GetAttributeAsync("data-raw");
            var probability = page.Locator("#scenario-results tr[data-kpi='nonfossil_share'][data-track='main'] [data-field='probability'][data-year='2025']");
            var pBefore = double.Parse((await probability.GetAttributeAsync("data-probability"))!, System.Globalization.CultureInfo.InvariantCulture);
            var evaluations = await page.Locator("#scenario-page").GetAttributeAsync("data-evaluations");

            // A page load would clear this mark.
            await page.EvaluateAsync("() => { window.__noReload = 'kept'; }");
            await page.Locator("#lever-nonfossil-points").EvaluateAsync("el => { el.value = '3'; el.dispatchEvent(new Event('input', { bubbles: true })); }");
            await page.WaitForFunctionAsync("before => document.querySelector(\"#scenario-results tr[data-kpi='nonfossil_share'][data-track='main'] td[data-year='2030']\").getAttribute('data-raw') !== before", before);

            var after = await cell.GetAttributeAsync("data-raw");
            Assert.NotEqual(before, after);
            Assert.Equal("kept", await page.EvaluateAsync<string>("() => window.__noReload"));
            Assert.NotEqual(evaluations, await page.Locator("#scenario-page").GetAttributeAsync("data-evaluations"));

            // Two more points a year over the base year's distance to 2030.
            var baseYear = 2030 - (int)Math.Round((double.Parse(after!, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(before!, System.Globalization.CultureInfo.InvariantCulture)) / 2);
            Assert.InRange(baseYear, 2020, 2029);
            Assert.Contains("nonfossil-points=3", await page.Locator("#share-link").GetAttributeAsync("href"), StringComparison.Ordinal);

            // A faster rising share cannot make the 2025 target less likely.
            var pAfter = double.Parse((await probability.GetAttributeAsync("data-probability"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(pBefore, 0, 1);
            Assert.InRange(pAfter, pBefore, 1);
            Assert.Contains("达标概率", await probability.InnerTextAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("scenarios.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task Ranking_ClickProvince_OpensItsDetail()
    {
        await WithPageAsync(async (page, url) =>
        {
            await page.GotoAsync(new Uri(url, "/provinces").ToString());

            await page.Locator("#ranking tr[data-region='53'] a").First.ClickAsync();
            // The link keeps the page's year: one year on every page.
            await page.WaitForURLAsync("**/provinces/53?year=*");

            // Enhanced navigation sets the address, then swaps the page in.
            await page.WaitForFunctionAsync("() => document.querySelector('h1')?.textContent.includes('云南省')");
            Assert.Contains("云南省", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

            // The store-backed section is streamed to blazor.web.js: the placeholder gives way to the
            // scorecard, and the charts in it are drawn.
            await page.WaitForSelectorAsync("#scorecard");
            Assert.Equal(0, await page.Locator("#loading").CountAsync());
            await page.WaitForSelectorAsync("[data-chart][data-drawn='true'] svg");
            Assert.Equal(await page.Locator("[data-chart]").CountAsync(), await page.Locator("[data-chart][data-drawn='true']").CountAsync());
        });
    }

    [Fact]
    public async Task Explorer_ExportCsv_DownloadedNumbersMatchTheTable()
    {
        await WithPageAsync(async (page, url) =>
        {
            await page.GotoAsync(new Uri(url, "/explore?ind=cap_wind&region=CN&region=15&from=2015&to=2024").ToString());
            var table = await page.Locator("#explore-table td[data-raw]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.getAttribute('data-raw')).filter(v => v)");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
            var path = Browser.ArtifactPath("explore.csv");
            await download.SaveAsAsync(path);

            var values = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0 && char.IsDigit(l[0]))
                .SelectMany(l => l.Split(',').Skip(1)).Where(v => v.Length > 0).ToArray();
            Assert.NotEmpty(values);
            Assert.Equal(table, values);
        });
    }

    [Fact]
    public async Task DataPage_UploadWithScript_LiveProgressEndsWithTheWrittenRows()
    {
        await WithPageAsync(async (page, url) =>
        {
            await page.GotoAsync(new Uri(url, "/data").ToString());
            var rows = string.Concat(Enumerable.Range(2005, 20).Select(y => $"CN,cap_nuclear,{y},{y - 1990},GW,test\n"));

            await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "nuclear.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("region,indicator,period,value,unit,source\n" + rows) });
            await page.Locator("#upload-form button[type=submit]").ClickAsync();
            // The import runs as a Hangfire job: under the full suite's load the worker may take a while to pick it up.
            // Waits for any end (succeeded, rejected, failed), so a failure says what the page showed.
            await page.WaitForFunctionAsync("() => { const s = document.getElementById('upload-live').getAttribute('data-status'); return s && s !== 'running'; }", null, new() { Timeout = 150_000 });
            var status = await page.Locator("#upload-live").GetAttributeAsync("data-status");
            Assert.True(status == "succeeded", $"status {status}: {await page.Locator("#upload-live").InnerTextAsync()}");

            Assert.Equal("20", await page.Locator("#upload-live progress").GetAttributeAsync("value"));
            // The script writes the page's language: "nuclear.csv · 成功 · 20 / 20 行已写入".
            var live = await page.Locator("#upload-live [data-live-text]").InnerTextAsync();
            Assert.Equal("nuclear.csv · 成功 · 20 / 20 行已写入", live);
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("data-upload.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task ReportsPage_Generate_ProgressThenArchivedPdfDownloads()
    {
        await WithPageAsync(async (page, url) =>
        {
            await page.GotoAsync(new Uri(url, "/reports").ToString());
            await page.Locator("select[name=year]").SelectOptionAsync("2024");
            await page.Locator("select[name=scope]").SelectOptionAsync("53");

            await page.Locator("#report-form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("#archive a", new() { Timeout = 60_000 });

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#archive a", new() { HasTextString = "PDF" }).First.ClickAsync());
            var path = Browser.ArtifactPath("report-53.pdf");
            await download.SaveAsAsync(path);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 5));
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reports-archive.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task LanguageSwitch_Click_EnglishEverywhereAfterwards()
    {
        await WithPageAsync(async (page, url) =>
        {
            await page.GotoAsync(new Uri(url, "/provinces").ToString());

            await page.Locator("#lang-switch").ClickAsync();
            await page.WaitForSelectorAsync("html[lang='en']");
            Assert.Equal("Provincial progress", await page.Locator("h1").InnerTextAsync());
            await page.GotoAsync(url.ToString());
            Assert.Equal("National overview", await page.Locator("h1").InnerTextAsync());
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("overview-en.png"), FullPage = true });
        });
    }

    [Fact]
    public async Task SignIn_InChromium_WrongPasswordThenRight_LandsWhereItWasGoing()
    {
        await using var factory = seeded.Factory();
        var url = factory.StartKestrel();
        var (name, password) = await factory.AddUserAsync(PeakMonitor.Accounts.Roles.Viewer);
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
                await page.GotoAsync(new Uri(url, "/provinces/44").ToString());
                Assert.EndsWith("/login?ReturnUrl=%2Fprovinces%2F44", page.Url, StringComparison.Ordinal);
                await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("login.png") });

                await page.FillAsync("#login-form input[name='Input.UserName']", name);
                await page.FillAsync("#login-form input[name='Input.Password']", "Not-the-password-1");
                await page.ClickAsync("#login-form button[type=submit]");
                Assert.Contains("用户名或密码不正确", await page.Locator("#login-error").InnerTextAsync(), StringComparison.Ordinal);

                await page.FillAsync("#login-form input[name='Input.UserName']", name);
                await page.FillAsync("#login-form input[name='Input.Password']", password);
                await page.ClickAsync("#login-form button[type=submit]");
                await page.WaitForURLAsync("**/provinces/44");

                Assert.Contains("广东省", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal(name, await page.Locator("#account-link").InnerTextAsync());
                Assert.Equal(0, await page.Locator("nav a[href='/explore']").CountAsync());
            }
        }
    }
}

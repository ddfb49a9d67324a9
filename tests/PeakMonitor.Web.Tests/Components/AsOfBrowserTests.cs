using Microsoft.Playwright;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

/// <summary>The Overview's date picker in real Chromium: pick the day before the revision, the card shows the first release.</summary>
public sealed class AsOfBrowserTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    [Fact]
    public async Task Overview_PickDayBeforeRevision_CardShowsFirstReleaseAndNoteSaysSo()
    {
        await using var factory = await AsOfPageTests.RevisedAsync(influxd, new Dictionary<string, string?> { ["Dashboard:CacheDuration"] = "00:00:00" });
        var url = factory.StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
                var (name, password) = await factory.AddUserAsync(PeakMonitor.Accounts.Roles.Viewer);
                await Browser.SignInAsync(page, url, name, password);
                await page.GotoAsync(new Uri(url, "/").ToString());
                var value = page.Locator("#card-wind_solar_capacity-main [data-field='value']");
                Assert.Equal("900", (await value.InnerTextAsync()).Trim());

                await page.Locator("#as-of").FillAsync("2024-06-29");
                await page.Locator("#year-form button[type='submit']").ClickAsync();
                await page.WaitForSelectorAsync("#as-of-note");

                Assert.Equal("800", (await page.Locator("#card-wind_solar_capacity-main [data-field='value']").InnerTextAsync()).Trim());
                Assert.Contains("asOf=2024-06-29", page.Url, StringComparison.Ordinal);
                Assert.Contains("数据截至 2024-06-29 发布", await page.Locator("#as-of-note").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal("2024-06-29", await page.Locator("#as-of").InputValueAsync());
                await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("overview-as-of.png"), FullPage = true });
            }
        }
    }
}

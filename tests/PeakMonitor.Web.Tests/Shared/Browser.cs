using Microsoft.Playwright;

namespace PeakMonitor.Web.Tests.Shared;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download is not possible here).</summary>
public static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go, for a person to look at after a run.</summary>
    public static string ArtifactPath(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task SignInAsync(IPage page, Uri app, string name, string password)
    {
        await page.GotoAsync(new Uri(app, "/login").ToString());
        await page.FillAsync("#login-form input[name='Input.UserName']", name);
        await page.FillAsync("#login-form input[name='Input.Password']", password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }
}

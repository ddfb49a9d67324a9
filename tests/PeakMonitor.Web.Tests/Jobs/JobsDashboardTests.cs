using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PeakMonitor.Accounts;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Jobs;

/// <summary>Hangfire's dashboard at /admin/jobs: admins only, through our sign-in and roles.</summary>
public sealed class JobsDashboardTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IAsyncLifetime
{
    private PeakMonitorWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = new PeakMonitorWebFactory(influxd.Url, (await influxd.NewDatabaseAsync()).Database);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task JobsDashboard_Anonymous_RedirectedToSignIn()
    {
        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/admin/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fjobs", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer, "/admin/jobs")]
    [InlineData(Roles.Analyst, "/admin/jobs")]
    [InlineData(Roles.Viewer, "/admin/jobs/recurring")]
    [InlineData(Roles.Analyst, "/admin/jobs/stats")]
    public async Task JobsDashboard_NotAdmin_403(string role, string path)
    {
        using var http = await _factory.CreateSignedInClientAsync(role);

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_Admin_ServedWithTheRecurringJobs()
    {
        using var http = await _factory.CreateSignedInClientAsync(Roles.Admin);

        using var response = await http.GetAsync(new Uri("/admin/jobs/recurring", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("inbox-import", html, StringComparison.Ordinal);
        Assert.Contains("碳达峰监测平台", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_Admin_ScriptsAndStylesItLinksAreServed()
    {
        using var http = await _factory.CreateSignedInClientAsync(Roles.Admin);
        var html = await http.GetStringAsync(new Uri("/admin/jobs", UriKind.Relative));

        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/admin/jobs/(?:js|css)[^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();

        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(new Uri(WebUtility.HtmlDecode(asset), UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task JobsDashboard_Admin_NoInlineScriptSoTheCspIsNotRelaxed()
    {
        using var http = await _factory.CreateSignedInClientAsync(Roles.Admin);

        using var dashboard = await http.GetAsync(new Uri("/admin/jobs", UriKind.Relative));
        using var page = await http.GetAsync(new Uri("/data", UriKind.Relative));
        var html = await dashboard.Content.ReadAsStringAsync();
        var inline = System.Text.RegularExpressions.Regex.IsMatch(html, "<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S");

        // Hangfire's pages load their scripts from files it serves: the app's policy holds there too, unrelaxed.
        Assert.False(inline, "the jobs dashboard has an inline script, which the Content-Security-Policy blocks");
        var csp = dashboard.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);

        // Everywhere else only the app's own scripts run.
        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataPage_Admin_LinksToTheJobsDashboard()
    {
        using var http = await _factory.CreateSignedInClientAsync(Roles.Admin);

        var html = await http.GetStringAsync(new Uri("/data", UriKind.Relative));

        Assert.Contains("id=\"jobs-dashboard\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/jobs\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataPage_Viewer_NoLinkToTheJobsDashboard()
    {
        using var http = await _factory.CreateSignedInClientAsync(Roles.Viewer);

        var html = await http.GetStringAsync(new Uri("/data", UriKind.Relative));

        Assert.DoesNotContain("admin/jobs", html, StringComparison.Ordinal);
    }
}

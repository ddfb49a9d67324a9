using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Accounts;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Security;

/// <summary>
/// Two app instances (two hosts in this process) on one PostgreSQL accounts database, as two replicas
/// behind a load balancer: the key ring is in that database, so a sign-in cookie from one is good on the other.
/// Each instance has its own ingestion folder and its own (unused) keys folder.
/// </summary>
public sealed class SharedAccountsTests(InfluxServerFixture influx, PostgresServerFixture postgres) : IClassFixture<InfluxServerFixture>, IClassFixture<PostgresServerFixture>
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = false };

    private async Task<(PeakMonitorWebFactory A, PeakMonitorWebFactory B)> TwoInstancesAsync()
    {
        var accounts = await postgres.NewDatabaseAsync();
        var store = await influx.NewDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Accounts"] = accounts };
        return (new PeakMonitorWebFactory(influx.Url, store.Database, settings), new PeakMonitorWebFactory(influx.Url, store.Database, settings));
    }

    /// <summary>Signs in on <paramref name="factory"/> through the form and returns the sign-in cookie it set.</summary>
    private static async Task<string> SignInCookieAsync(PeakMonitorWebFactory factory, string name, string password)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await PeakMonitorWebFactory.SignInAsync(http, name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PeakMonitor.Auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(PeakMonitorWebFactory factory, string path, string? cookie)
    {
        using var http = factory.CreateClient(NoRedirects);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task SignIn_OnInstanceA_CookieAcceptedByInstanceB()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var (name, password) = await a.AddUserAsync(Roles.Viewer);

        var cookie = await SignInCookieAsync(a, name, password);

        using var anonymous = await GetWithCookieAsync(b, "/account", null);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        using var signedIn = await GetWithCookieAsync(b, "/account", cookie);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(name, await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The keys that made the cookie are in the shared database, not in either instance's folder.
        Assert.False(Directory.Exists(Path.Combine(a.IngestionDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(a.IngestionDirectory, "keys")).Any());
        await using var scope = b.Services.CreateAsyncScope();
        Assert.NotEqual(0, await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task Start_TwoInstancesAtOnce_OneKeyAndEitherCookieGoodOnTheOther()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;

        await Task.WhenAll(Task.Run(() => a.CreateClient().Dispose()), Task.Run(() => b.CreateClient().Dispose()));

        await using (var scope = a.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().DataProtectionKeys.CountAsync());
        }

        var (name, password) = await b.AddUserAsync(Roles.Viewer);
        var fromA = await SignInCookieAsync(a, name, password);
        var fromB = await SignInCookieAsync(b, name, password);
        using var onB = await GetWithCookieAsync(b, "/account", fromA);
        using var onA = await GetWithCookieAsync(a, "/account", fromB);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (onB.StatusCode, onA.StatusCode));
    }

    [Fact]
    public async Task SignIn_OnInstanceA_InTheAuditPageOfInstanceB()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var (viewer, viewerPassword) = await a.AddUserAsync(Roles.Viewer);
        var (admin, adminPassword) = await b.AddUserAsync(Roles.Admin);

        await SignInCookieAsync(a, viewer, viewerPassword);
        var adminCookie = await SignInCookieAsync(b, admin, adminPassword);

        using var page = await GetWithCookieAsync(b, "/admin/audit?action=" + AuditActions.SignIn + "&actor=" + viewer, adminCookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"audit\"", html, StringComparison.Ordinal);
        Assert.Contains(viewer, html, StringComparison.Ordinal);
        var entry = Assert.Single(await b.Services.GetRequiredService<AuditLog>().ListAsync(AuditActions.SignIn, viewer, null, 10, CancellationToken.None));
        Assert.StartsWith("ok", entry.Result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database=peakmonitor;Username=pm", "ConnectionStrings:Accounts names no PostgreSQL server")]
    [InlineData("Data Source=accounts.db", "ConnectionStrings:Accounts is not a PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=1;Database=peakmonitor;Username=pm;Password=s3cret-Pw;Timeout=2", "The accounts database of ConnectionStrings:Accounts (127.0.0.1:1/peakmonitor) cannot be opened")]
    public async Task Startup_AccountsConnectionStringUnusable_FailsNamingTheSettingNotThePassword(string connectionString, string expected)
    {
        var store = await influx.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influx.Url, store.Database, new Dictionary<string, string?> { ["ConnectionStrings:Accounts"] = connectionString });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient().Dispose());

        Assert.Contains(expected, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Pw", ex.ToString(), StringComparison.Ordinal);
    }
}

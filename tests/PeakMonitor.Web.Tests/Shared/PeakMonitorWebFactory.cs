using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Accounts;
using PeakMonitor.TestKit;

namespace PeakMonitor.Web.Tests.Shared;

/// <summary>The real app pointed at a test influxd and database; settings may be overridden per test.</summary>
public sealed class PeakMonitorWebFactory(Uri influx, string database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Ingestion folders and SQLite store of this app instance (a fresh temp folder unless a test sets it).</summary>
    public string IngestionDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "peakmonitor-web-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Ingestion:DataDirectory", IngestionDirectory);
        builder.UseSetting("Ingestion:SyntheticFeedEnabled", "false");
        builder.UseSetting("Reports:ArchiveDirectory", Path.Combine(IngestionDirectory, "reports"));
        builder.UseSetting("Influx:Url", influx.ToString());
        builder.UseSetting("Influx:Database", database);
        builder.UseSetting("Influx:MaxRetries", "0");

        // No provincial targets unless a test gives a file: the pages' verdicts then follow from the catalogue alone.
        builder.UseSetting("Kpi:ProvincialTargetsFile", string.Empty);
        builder.UseSetting("Accounts:DatabasePath", Path.Combine(IngestionDirectory, "accounts.db"));
        builder.UseSetting("Accounts:KeysDirectory", Path.Combine(IngestionDirectory, "keys"));

        // No provincial targets unless a test names a file (relative paths now lead to the checkout, where the seed targets are).
        builder.UseSetting("Kpi:ProvincialTargetsFile", string.Empty);

        // Every test client comes from one address here; tests of the limits set them back.
        builder.UseSetting("RateLimits:SignInAttemptsPerMinute", "10000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the app on Kestrel (a real loopback port, for the browser) and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>The first antiforgery token on a page's HTML (the client keeps the cookie that goes with it).</summary>
    public static string AntiforgeryToken(string html) => TestAccounts.AntiforgeryToken(html);

    /// <summary>A user with <paramref name="role"/> and its generated password; ready to use (one-time password already "changed") unless asked otherwise.</summary>
    public async Task<(string Name, string Password)> AddUserAsync(string role, bool mustChangePassword = false, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(name ?? $"{role}-{Guid.NewGuid():N}"[..20], role, "test-setup", CancellationToken.None);
        if (!mustChangePassword)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PeakUser>>();
            var user = (await users.FindByNameAsync(issued.UserName))!;
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        return (issued.UserName, issued.Password);
    }

    /// <summary>
    /// Submits a form of a page as the browser would: reads the page (for its antiforgery token, which
    /// goes with the client's cookie), then posts the named form's fields to it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient http, string page, string handler, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var html = await http.GetStringAsync(new Uri(page, UriKind.Relative));
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler };
        if (withToken)
        {
            form["__RequestVerificationToken"] = AntiforgeryToken(html);
        }

        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(new Uri(page, UriKind.Relative), content);
    }

    /// <summary>
    /// Signs in through the real sign-in form and answers what that returned. By default it lands on the
    /// account page, which reads nothing from the store: signing in leaves no cached dashboard data behind
    /// that a test might mistake for a fresh read.
    /// </summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient http, string name, string password, string returnUrl = "/account") =>
        SubmitFormAsync(http, "/login", "login", new Dictionary<string, string>
        {
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
            ["Input.ReturnUrl"] = returnUrl,
        });

    /// <summary>A client signed in as a new user with <paramref name="role"/> (admin by default: it may do everything the pages offer).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string role = Roles.Admin)
    {
        var (name, password) = await AddUserAsync(role);
        var http = CreateClient();
        using var response = await SignInAsync(http, name, password);
        Assert.True(response.IsSuccessStatusCode && response.RequestMessage?.RequestUri?.AbsolutePath == "/account", $"signed in as {name} ({role}): {response.StatusCode} at {response.RequestMessage?.RequestUri}");
        return http;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PeakMonitor.Accounts;

namespace PeakMonitor.TestKit;

/// <summary>Signed-in users, as the app is used: accounts made here, sign-in through the real form (benchmarks, app processes in tests).</summary>
public static partial class TestAccounts
{
    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken" """)]
    private static partial Regex TokenPattern();

    /// <summary>Users in the accounts file an app will be started on (the app is not running yet).</summary>
    public static Task<IReadOnlyList<(string Name, string Password)>> CreateUsersAsync(string databasePath, string role, int count) =>
        WithAccountsAsync(databasePath, services => CreateUsersAsync(services, role, count));

    /// <summary>Users in the accounts database that <c>ConnectionStrings:Accounts</c> names (PostgreSQL), before the apps start.</summary>
    public static Task<IReadOnlyList<(string Name, string Password)>> CreateUsersOnServerAsync(string connectionString, string role, int count) =>
        WithAccountsAsync(new Dictionary<string, string?> { ["ConnectionStrings:Accounts"] = connectionString }, services => CreateUsersAsync(services, role, count));

    /// <summary>A read-only API token for an existing user of the accounts file; returns its secret.</summary>
    public static Task<string> CreateTokenAsync(string databasePath, string userName, string tokenName) =>
        WithAccountsAsync(databasePath, async services =>
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userName, tokenName, "test-setup", CancellationToken.None)).Secret;
        });

    /// <summary>The accounts services on a file, outside any app; the file is released afterwards.</summary>
    private static Task<T> WithAccountsAsync<T>(string databasePath, Func<IServiceProvider, Task<T>> work) =>
        WithAccountsAsync(new Dictionary<string, string?> { ["Accounts:DatabasePath"] = databasePath }, work);

    private static async Task<T> WithAccountsAsync<T>(IReadOnlyDictionary<string, string?> settings, Func<IServiceProvider, Task<T>> work)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddAccounts();
        using var host = builder.Build();
        await host.Services.GetRequiredService<AccountsDatabase>().InitializeAsync(CancellationToken.None);
        var result = await work(host.Services);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return result;
    }

    /// <summary>Users in a running app's accounts store, ready to sign in (one-time password already replaced).</summary>
    public static async Task<IReadOnlyList<(string Name, string Password)>> CreateUsersAsync(IServiceProvider services, string role, int count)
    {
        var users = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var issued = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync($"bench-{role}-{i}-{Guid.NewGuid():N}"[..28], role, "benchmark", CancellationToken.None);
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<PeakUser>>();
            var user = (await manager.FindByNameAsync(issued.UserName))!;
            user.MustChangePassword = false;
            await manager.UpdateAsync(user);
            users.Add((issued.UserName, issued.Password));
        }

        return users;
    }

    /// <summary>The first antiforgery token on a page's HTML (the client keeps the cookie that goes with it).</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html ?? string.Empty);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
            : throw new InvalidOperationException("The page renders no antiforgery token.");
    }

    /// <summary>Signs in through the sign-in form; the client must keep cookies and must not follow redirects.</summary>
    public static async Task SignInAsync(HttpClient http, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var html = await http.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["_handler"] = "login",
            ["Input.UserName"] = name,
            ["Input.Password"] = password,
            ["Input.ReturnUrl"] = "/account",
        });
        using var response = await http.PostAsync(new Uri("/login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath.EndsWith("/account", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Sign-in as {name} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}

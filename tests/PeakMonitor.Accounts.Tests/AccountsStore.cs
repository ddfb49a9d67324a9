using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeakMonitor.TestKit;

namespace PeakMonitor.Accounts.Tests;

/// <summary>
/// The accounts services on a real SQLite file in a temp folder (or on the database that the settings'
/// <c>ConnectionStrings:Accounts</c> names), with a clock the test sets.
/// </summary>
internal sealed class AccountsStore : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("peakmonitor-accounts");
    private readonly IHost _host;

    private AccountsStore(string? path, IReadOnlyDictionary<string, string?>? settings)
    {
        DatabasePath = path ?? Path.Combine(_folder.Path, "accounts.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Accounts:DatabasePath"] = DatabasePath,
            ["Accounts:KeysDirectory"] = Path.Combine(_folder.Path, "keys"),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddAccounts();
        _host = builder.Build();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    public string DatabasePath { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>A temp folder of this store's own (for key files, copies).</summary>
    public string Folder => _folder.Path;

    public static async Task<AccountsStore> OpenAsync(string? path = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var store = new AccountsStore(path, settings);
        try
        {
            await store.Services.GetRequiredService<AccountsDatabase>().InitializeAsync(CancellationToken.None);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh scope, as one request or one CLI command has.</summary>
    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>Another store (another app instance) on the same PostgreSQL database.</summary>
    public static Task<AccountsStore> OnPostgresAsync(string connectionString) =>
        OpenAsync(null, new Dictionary<string, string?> { ["ConnectionStrings:Accounts"] = connectionString });

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        await Task.CompletedTask;
    }
}

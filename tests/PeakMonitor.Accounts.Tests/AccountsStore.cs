using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeakMonitor.TestKit;

namespace PeakMonitor.Accounts.Tests;

/// <summary>The accounts services on a real SQLite file in a temp folder, with a clock the test sets.</summary>
internal sealed class AccountsStore : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("peakmonitor-accounts");
    private readonly IHost _host;

    private AccountsStore(string? path)
    {
        DatabasePath = path ?? Path.Combine(_folder.Path, "accounts.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Accounts:DatabasePath"] = DatabasePath });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddAccounts();
        _host = builder.Build();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    public string DatabasePath { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<AccountsStore> OpenAsync(string? path = null)
    {
        var store = new AccountsStore(path);
        await store.Services.GetRequiredService<AccountsDatabase>().InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>A fresh scope, as one request or one CLI command has.</summary>
    public T Get<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        await Task.CompletedTask;
    }
}

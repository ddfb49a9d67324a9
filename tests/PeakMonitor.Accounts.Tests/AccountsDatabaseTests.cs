using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.TestKit;

namespace PeakMonitor.Accounts.Tests;

/// <summary>The accounts schema on SQLite: migrations, the baseline for first-version databases, the key files, hostile settings.</summary>
public sealed class AccountsDatabaseTests
{
    private const string Password = "Kestrel-Harbour-42x";

    private static string FixtureSql => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "accounts-v1-ensurecreated.sql"));

    private static async Task<List<string>> AppliedMigrationsAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=false");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task ExecuteAsync(string path, string sql, params (string Name, object Value)[] parameters)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=false");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A database as the first version left it: its EnsureCreated schema, an admin with a password, a token, an audit line.</summary>
    private static async Task<string> FirstVersionDatabaseAsync(string folder, string tokenSecret)
    {
        var path = Path.Combine(folder, "v1.db");
        await ExecuteAsync(path, FixtureSql);
        var user = new PeakUser { Id = "u1", UserName = "li.ming", NormalizedUserName = "LI.MING", SecurityStamp = "STAMP1" };
        var hash = new PasswordHasher<PeakUser>().HashPassword(user, Password);
        await ExecuteAsync(path, """
            INSERT INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp) VALUES ('r-admin', 'admin', 'ADMIN', 'c1'), ('r-analyst', 'analyst', 'ANALYST', 'c2'), ('r-viewer', 'viewer', 'VIEWER', 'c3');
            INSERT INTO AspNetUsers (Id, MustChangePassword, CreatedAtUtc, UserName, NormalizedUserName, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp,
                PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ('u1', 0, '2026-11-22 08:00:00', 'li.ming', 'LI.MING', 0, $hash, 'STAMP1', 'cs1', 0, 0, 1, 0);
            INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ('u1', 'r-admin');
            INSERT INTO ApiTokens (UserId, Name, Hash, Prefix, CreatedAtUtc) VALUES ('u1', 'nightly export', $token, 'pmt_AAAA', '2026-11-22 08:05:00');
            INSERT INTO AuditEntries (AtUtc, Actor, Action, Target, Result) VALUES ('2026-11-22 08:01:00', 'cli:root', 'user-add', 'li.ming', 'ok: role admin');
            """, ("$hash", hash), ("$token", ApiTokens.HashOf(tokenSecret)));
        return path;
    }

    [Fact]
    public async Task InitializeAsync_FirstVersionDatabase_BaselineRecordedLaterMigrationsAppliedDataKept()
    {
        using var folder = new TempDirectory("peakmonitor-baseline");
        var secret = ApiTokens.SecretPrefix + new string('A', 32);
        var path = await FirstVersionDatabaseAsync(folder.Path, secret);

        await using var store = await AccountsStore.OpenAsync(path);

        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await AppliedMigrationsAsync(path));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PeakUser>>();
        var user = await users.FindByNameAsync("li.ming");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.Equal([Roles.Admin], await users.GetRolesAsync(user));
        Assert.Equal(3, await db.Roles.CountAsync());
        Assert.Equal("u1", (await scope.ServiceProvider.GetRequiredService<ApiTokens>().VerifyAsync(secret, CancellationToken.None))?.UserId);
        var entry = Assert.Single(await store.Get<AuditLog>().ListAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal(("cli:root", AuditActions.UserAdd, "li.ming"), (entry.Actor, entry.Action, entry.Target));
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task InitializeAsync_NewFile_EveryMigrationAppliedAndAgainHarmless()
    {
        string path;
        await using (var store = await AccountsStore.OpenAsync())
        {
            path = store.DatabasePath;
            await store.Get<UserAdministration>().AddAsync("wang.fang", Roles.Viewer, "test", CancellationToken.None);
            await store.Services.GetRequiredService<AccountsDatabase>().InitializeAsync(CancellationToken.None);
            var db = store.Get<AccountsDbContext>();

            Assert.Equal(db.Database.GetMigrations(), await AppliedMigrationsAsync(path));
            Assert.Equal(3, await db.Roles.CountAsync());
            Assert.Equal(1, await db.Users.CountAsync());
        }
    }

    [Fact]
    public async Task InitializeAsync_KeyFilesInKeysDirectory_CopiedIntoTheDatabaseOnce()
    {
        using var folder = new TempDirectory("peakmonitor-keyfiles");
        var keys = Directory.CreateDirectory(Path.Combine(folder.Path, "keys")).FullName;
        await File.WriteAllTextAsync(Path.Combine(keys, "key-1f1d5b1e-0000-4000-8000-000000000001.xml"), "<key id=\"1f1d5b1e-0000-4000-8000-000000000001\" version=\"1\" />");
        await File.WriteAllTextAsync(Path.Combine(keys, "key-1f1d5b1e-0000-4000-8000-000000000002.xml"), "<key id=\"1f1d5b1e-0000-4000-8000-000000000002\" version=\"1\" />");
        var settings = new Dictionary<string, string?> { ["Accounts:KeysDirectory"] = keys };

        await using var store = await AccountsStore.OpenAsync(Path.Combine(folder.Path, "accounts.db"), settings);
        await store.Services.GetRequiredService<AccountsDatabase>().InitializeAsync(CancellationToken.None);

        var stored = await store.Get<AccountsDbContext>().DataProtectionKeys.OrderBy(k => k.FriendlyName).ToListAsync();
        Assert.Equal(["key-1f1d5b1e-0000-4000-8000-000000000001", "key-1f1d5b1e-0000-4000-8000-000000000002"], stored.Select(k => k.FriendlyName));
        Assert.Contains("000000000001", stored[0].Xml, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAccounts_AfterDataProtection_ItsMigrationStartsBeforeTheKeyRingIsRead()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // As in the web app: Razor components and antiforgery add data protection (and its hosted service) first.
        Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions.AddDataProtection(builder.Services);
        builder.AddAccounts();
        using var host = builder.Build();

        var hosted = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();

        Assert.IsType<AccountsDatabase>(hosted[0]);
        Assert.Contains(hosted, h => h.GetType().Name == "DataProtectionHostedService");
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("Data Source=accounts.db")]
    [InlineData("Database=peakmonitor;Username=pm")]
    public async Task Start_AccountsConnectionStringNotPostgres_FailsNamingTheSetting(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Accounts"] = connectionString });
        builder.AddAccounts();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:Accounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_PostgresServerUnreachable_ErrorNamesTheSettingAndServerNotThePassword()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connectionString = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Database=peakmonitor;Username=pm;Password=s3cret-Pw;Timeout=3");
        var error = Assert.IsType<InvalidOperationException>(await Record.ExceptionAsync(() => AccountsStore.OnPostgresAsync(connectionString)));
        Assert.Contains("ConnectionStrings:Accounts", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}/peakmonitor"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Pw", error.Message, StringComparison.Ordinal);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PeakMonitor.TestKit;

namespace PeakMonitor.Accounts.Tests;

/// <summary>
/// The accounts on a real PostgreSQL 15 (the test kit's throwaway cluster), each store standing for one
/// app instance: what one writes, the others read.
/// </summary>
public sealed class PostgresAccountsTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static async Task<List<string>> AppliedMigrationsAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1", db);
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    [Fact]
    public async Task InitializeAsync_ThreeInstancesAtOnceOnOneDatabase_MigratedOnceWithThreeRoles()
    {
        var connectionString = await postgres.NewDatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AccountsStore.OnPostgresAsync(connectionString)));

        try
        {
            var db = stores[0].Get<AccountsDbContext>();
            Assert.True(db.Database.IsNpgsql());
            Assert.Equal(db.Database.GetMigrations(), await AppliedMigrationsAsync(connectionString));
            Assert.Equal(Roles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task WriteAsync_OnOneInstance_ListedByAnother()
    {
        var connectionString = await postgres.NewDatabaseAsync();
        await using var a = await AccountsStore.OnPostgresAsync(connectionString);
        await using var b = await AccountsStore.OnPostgresAsync(connectionString);

        await a.Get<AuditLog>().WriteAsync("li", AuditActions.Upload, "from-a.csv", "ok", "10.0.0.1", CancellationToken.None);
        a.Clock.Advance(TimeSpan.FromMinutes(1));
        await a.Get<AuditLog>().WriteAsync("li", AuditActions.JobStart, "inbox", "ok", null, CancellationToken.None);

        var seen = await b.Get<AuditLog>().ListAsync(null, null, null, 10, CancellationToken.None);
        Assert.Equal(["inbox", "from-a.csv"], seen.Select(e => e.Target));
        Assert.Equal(new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc), seen[1].AtUtc);
        Assert.Equal("10.0.0.1", seen[1].RemoteAddress);
    }

    [Fact]
    public async Task AddAsync_OnOneInstance_UserSignsInAndTokenWorksOnAnother()
    {
        var connectionString = await postgres.NewDatabaseAsync();
        await using var a = await AccountsStore.OnPostgresAsync(connectionString);
        await using var b = await AccountsStore.OnPostgresAsync(connectionString);

        var issued = await a.Get<UserAdministration>().AddAsync("zhao.lei", Roles.Analyst, "admin", CancellationToken.None);
        var (_, secret) = await a.Get<ApiTokens>().CreateAsync("zhao.lei", "script", "zhao.lei", CancellationToken.None);

        await using var scope = b.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PeakUser>>();
        var user = await users.FindByNameAsync("zhao.lei");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, issued.Password));
        Assert.True(user.MustChangePassword);
        Assert.Equal([Roles.Analyst], await users.GetRolesAsync(user));
        Assert.Equal("zhao.lei", (await scope.ServiceProvider.GetRequiredService<ApiTokens>().VerifyAsync(secret, CancellationToken.None))?.UserName);
        var listed = Assert.Single(await b.Get<UserAdministration>().ListAsync(CancellationToken.None));
        Assert.Equal(("zhao.lei", Roles.Analyst, 1), (listed.Name, listed.Role, listed.ActiveTokens));
    }
}

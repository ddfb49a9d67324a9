using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Accounts;

/// <summary>
/// Brings the accounts database to the current schema on start (EF Core migrations, one set per
/// provider), creates the three roles, and on SQLite switches to WAL so that sign-ins and audit writes
/// from many requests do not block each other's reads.
/// </summary>
public sealed class AccountsDatabase(IServiceScopeFactory scopes, IOptions<AccountsOptions> options, TimeProvider time) : IHostedService
{
    /// <summary>Instances starting together on one PostgreSQL database migrate one after the other (a session-level advisory lock).</summary>
    private const long PostgresLockKey = 7203016;

    public async Task StartAsync(CancellationToken cancellationToken) => await InitializeAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Pooled SQLite connections keep the file open; release them when the host stops.
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var postgres = db.Database.IsNpgsql();
        if (!postgres && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (postgres && (ex as DbException ?? ex.InnerException as DbException) is { } cause)
        {
            // EF wraps Npgsql's error as a "transient failure"; the operator needs the setting and the server it names.
            throw new InvalidOperationException($"The accounts database of ConnectionStrings:Accounts ({AccountsConnection.Describe(db.Database.GetConnectionString()!)}) cannot be opened: {cause.Message}", ex);
        }

        try
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken).ConfigureAwait(false);
            }

            await BaselineAsync(db, cancellationToken).ConfigureAwait(false);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (!postgres)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                {
                    await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
                }
            }

            await ImportKeyFilesAsync(db, options.Value.KeysDirectory, cancellationToken).ConfigureAwait(false);
            if (scope.ServiceProvider.GetService<IOptions<KeyManagementOptions>>()?.Value.XmlRepository is EntityFrameworkCoreXmlRepository<AccountsDbContext>)
            {
                EnsureKey(scope.ServiceProvider.GetRequiredService<IKeyManager>());
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None).ConfigureAwait(false);
            }

            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A database made by the first version (EnsureCreated: the tables, no migrations history) has exactly
    /// the schema of the first migration: record that one as applied, so that only the later ones run.
    /// </summary>
    private static async Task BaselineAsync(AccountsDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken).ConfigureAwait(false) || !await HasUsersTableAsync(db, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var baseline = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> HasUsersTableAsync(AccountsDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.Database.IsNpgsql()
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'AspNetUsers'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// The first key is made here, under the start-up lock, rather than by the first request: instances that
    /// start together and are asked at once would otherwise each make one, and a cookie of one could reach
    /// the other before its cached key ring knows the other's key. Only where the key ring is this database's
    /// (the web app); the CLI has none.
    /// </summary>
    private void EnsureKey(IKeyManager keys)
    {
        var now = time.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now.AddDays(90));
        }
    }

    /// <summary>
    /// Before the key ring moved into this database it was a folder of XML files (<c>Accounts:KeysDirectory</c>):
    /// its keys are copied in once, while the database has none, so sign-ins made before the upgrade stay valid.
    /// </summary>
    private static async Task ImportKeyFilesAsync(AccountsDbContext db, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false),
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}

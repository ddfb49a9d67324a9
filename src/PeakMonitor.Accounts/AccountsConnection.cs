using Npgsql;

namespace PeakMonitor.Accounts;

/// <summary>
/// Which database holds the accounts: <c>ConnectionStrings:Accounts</c> empty → the SQLite file of
/// <c>Accounts:DatabasePath</c>; a PostgreSQL connection string with a Host → that server, so that several
/// app instances share users, the audit log and the key ring. Anything else is an error naming the setting.
/// </summary>
public static class AccountsConnection
{
    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string Name = "Accounts";

    /// <summary>The problem with a <c>ConnectionStrings:Accounts</c> value, or null when it is empty or names a PostgreSQL server.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            _ = Postgres(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The PostgreSQL connection string, checked; throws <see cref="ArgumentException"/> naming the setting.</summary>
    public static string Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"ConnectionStrings:Accounts is not a PostgreSQL connection string ({ex.Message}); leave it empty for the SQLite file of Accounts:DatabasePath, or give e.g. 'Host=db;Database=peakmonitor;Username=pm;Password=…'.", nameof(connectionString), ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("ConnectionStrings:Accounts names no PostgreSQL server (Host=…); leave it empty for the SQLite file of Accounts:DatabasePath.", nameof(connectionString));
        }

        return builder.ConnectionString;
    }

    /// <summary>Where a connection string leads, without its password (for error messages and logs).</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace PeakMonitor.TestKit;

/// <summary>
/// A real, throwaway PostgreSQL 15 cluster (Debian's <c>postgresql-15</c>) for integration tests: initdb
/// into a temp folder — as the current user, or as <c>postgres</c> when that is root, which initdb
/// refuses — started by pg_ctl on a free loopback port, stopped and deleted afterwards. Each test takes
/// its own database from <see cref="NewDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string Binaries = "/usr/lib/postgresql/15/bin";
    private const string User = "pm";

    private readonly TempDirectory _dir = new("peakmonitor-postgres");
    private int _port;

    private string DataDirectory => Path.Combine(_dir.Path, "db");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A connection string to <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = User, Database = database, Pooling = true }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Binaries, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Binaries}/initdb is missing): run scripts/setup.sh (Debian package postgresql-15).");
        }

        if (IsRoot)
        {
            await RunAsync("chown", ["postgres", _dir.Path]);
        }

        await RunPgAsync("initdb", ["-D", DataDirectory, "-A", "trust", "-U", User, "-E", "UTF8", "--no-sync"]);
        _port = FreePort();
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {_port} -k {_dir.Path} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200");
        await RunPgAsync("pg_ctl", ["-D", DataDirectory, "-o", options, "-l", Path.Combine(_dir.Path, "postgres.log"), "-w", "-t", "60", "start"]);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPgAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            _dir.Dispose();
        }
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using (var db = new NpgsqlConnection(ConnectionString()))
        {
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            await cmd.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private Task RunPgAsync(string tool, IReadOnlyList<string> args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Binaries, tool), .. args]) : RunAsync(Path.Combine(Binaries, tool), args);

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

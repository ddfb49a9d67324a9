using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Jobs;

public enum RunStatus
{
    Running,
    Succeeded,
    Skipped,
    Rejected,
    Failed,
    Interrupted,
}

/// <summary>One run of a job, as recorded.</summary>
public sealed record RunRecord(
    long Id,
    string Job,
    string? File,
    string? Sha256,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    RunStatus Status,
    long RowsRead,
    long RowsWritten,
    long RowsRejected,
    string? Error);

/// <summary>
/// The run history of every ingestion job (SQLite, beside Quartz's tables): job, file and its
/// SHA-256, start, end, status, rows read / written / rejected, error.
/// </summary>
public sealed class RunHistory(IOptions<IngestionOptions> options, TimeProvider time)
{
    /// <summary>
    /// The error of a run found still 'running' at startup: its process ended during it (a crash, a kill,
    /// the OOM killer), unlike a run cancelled by an orderly shutdown.
    /// </summary>
    public const string ProcessEndedError = "interrupted: the process ended during this run";

    private readonly SemaphoreSlim _schema = new(1, 1);
    private bool _ready;

    public async Task<long> StartAsync(string job, string? file, string? sha256, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "INSERT INTO runs (job, file, sha256, started, status) VALUES ($job, $file, $sha, $started, 'Running'); SELECT last_insert_rowid();";
        cmd.Parameters.AddWithValue("$job", job);
        cmd.Parameters.AddWithValue("$file", (object?)file ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$sha", (object?)sha256 ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$started", Now());
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task FinishAsync(long id, RunStatus status, long rowsRead, long rowsWritten, long rowsRejected, string? error, string? sha256, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = """
            UPDATE runs SET ended = $ended, status = $status, rows_read = $read, rows_written = $written, rows_rejected = $rejected,
                error = $error, sha256 = COALESCE($sha, sha256)
            WHERE id = $id
            """;
        cmd.Parameters.AddWithValue("$ended", Now());
        cmd.Parameters.AddWithValue("$status", status.ToString());
        cmd.Parameters.AddWithValue("$read", rowsRead);
        cmd.Parameters.AddWithValue("$written", rowsWritten);
        cmd.Parameters.AddWithValue("$rejected", rowsRejected);
        cmd.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$sha", (object?)sha256 ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$id", id);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs still 'running' from an earlier process were cut off by a restart: mark them interrupted.</summary>
    public async Task<IReadOnlyList<RunRecord>> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        var running = (await ListAsync(1000, cancellationToken).ConfigureAwait(false)).Where(r => r.Status == RunStatus.Running).ToArray();
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "UPDATE runs SET status = 'Interrupted', ended = $ended, error = $error WHERE status = 'Running'";
        cmd.Parameters.AddWithValue("$ended", Now());
        cmd.Parameters.AddWithValue("$error", ProcessEndedError);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return running;
    }

    /// <summary>The runs (ids, oldest first) whose process ended while they imported a file with this content.</summary>
    public async Task<IReadOnlyList<long>> ProcessEndsAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id FROM runs WHERE sha256 = $sha AND status = 'Interrupted' AND error = $error ORDER BY id";
        cmd.Parameters.AddWithValue("$sha", sha256);
        cmd.Parameters.AddWithValue("$error", ProcessEndedError);
        var ids = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>True when a file with this content was already imported successfully.</summary>
    public async Task<bool> SucceededBeforeAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM runs WHERE sha256 = $sha AND status = 'Succeeded'";
        cmd.Parameters.AddWithValue("$sha", sha256);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    /// <summary>The most recent runs first.</summary>
    public Task<IReadOnlyList<RunRecord>> ListAsync(int limit, CancellationToken cancellationToken) => ListAsync(0, limit, cancellationToken);

    /// <summary>The most recent runs first, after skipping <paramref name="offset"/> of them (a page).</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id, job, file, sha256, started, ended, status, rows_read, rows_written, rows_rejected, error FROM runs ORDER BY id DESC LIMIT $limit OFFSET $offset";
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        var list = new List<RunRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new RunRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
                Enum.Parse<RunStatus>(reader.GetString(6), ignoreCase: true),
                reader.GetInt64(7),
                reader.GetInt64(8),
                reader.GetInt64(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return list;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM runs";
        return (int)(long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.Database;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var db = new SqliteConnection($"Data Source={path}");
        await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_ready)
        {
            await _schema.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var cmd = db.CreateCommand();
                cmd.CommandText = """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS runs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, file TEXT, sha256 TEXT,
                        started TEXT NOT NULL, ended TEXT, status TEXT NOT NULL,
                        rows_read INTEGER NOT NULL DEFAULT 0, rows_written INTEGER NOT NULL DEFAULT 0,
                        rows_rejected INTEGER NOT NULL DEFAULT 0, error TEXT);
                    CREATE INDEX IF NOT EXISTS runs_sha ON runs (sha256, status);
                    """;
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
            finally
            {
                _schema.Release();
            }
        }

        return db;
    }
}

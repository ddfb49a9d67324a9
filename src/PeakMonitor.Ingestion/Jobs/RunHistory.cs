using System.Globalization;
using System.Data;
using System.Data.Common;

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
/// The run history of every ingestion job (SQLite in the ingestion folder, or the PostgreSQL server of
/// <c>ConnectionStrings:Jobs</c>, shared by every instance): job, file and its SHA-256, start, end,
/// status, rows read / written / rejected, error, and the claimed file a run imported (to tell a
/// rerun of the same job after a crash).
/// </summary>
public sealed class RunHistory(JobsDatabase database, TimeProvider time)
{
    /// <summary>
    /// The error of a run found still 'running' at startup: its process ended during it (a crash, a kill,
    /// the OOM killer), unlike a run cancelled by an orderly shutdown.
    /// </summary>
    public const string ProcessEndedError = "interrupted: the process ended during this run";

    private readonly SemaphoreSlim _schema = new(1, 1);
    private bool _ready;

    /// <summary>The history of the store <paramref name="connectionString"/> names (null: the SQLite file of <paramref name="options"/>), without a host (the CLI's <c>jobs history</c>, tests).</summary>
    public static RunHistory For(IngestionOptions options, TimeProvider time, string? connectionString = null) =>
        new(JobsDatabase.From(connectionString, options), time);

    public Task<long> StartAsync(string job, string? file, string? sha256, CancellationToken cancellationToken) =>
        StartAsync(job, file, sha256, claim: null, cancellationToken);

    /// <summary>Records a run as started; <paramref name="claim"/> names the claimed file it imports, if any.</summary>
    public async Task<long> StartAsync(string job, string? file, string? sha256, string? claim, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "INSERT INTO runs (job, file, sha256, started, status, claim) VALUES (@job, @file, @sha, @started, 'Running', @claim) RETURNING id";
        JobsDatabase.Add(cmd, "job", job, DbType.String);
        JobsDatabase.Add(cmd, "file", file, DbType.String);
        JobsDatabase.Add(cmd, "sha", sha256, DbType.String);
        JobsDatabase.Add(cmd, "started", Now(), DbType.String);
        JobsDatabase.Add(cmd, "claim", claim, DbType.String);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task FinishAsync(long id, RunStatus status, long rowsRead, long rowsWritten, long rowsRejected, string? error, string? sha256, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = """
            UPDATE runs SET ended = @ended, status = @status, rows_read = @read, rows_written = @written, rows_rejected = @rejected,
                error = @error, sha256 = COALESCE(@sha, sha256)
            WHERE id = @id
            """;
        JobsDatabase.Add(cmd, "ended", Now(), DbType.String);
        JobsDatabase.Add(cmd, "status", status.ToString(), DbType.String);
        JobsDatabase.Add(cmd, "read", rowsRead, DbType.Int64);
        JobsDatabase.Add(cmd, "written", rowsWritten, DbType.Int64);
        JobsDatabase.Add(cmd, "rejected", rowsRejected, DbType.Int64);
        JobsDatabase.Add(cmd, "error", error, DbType.String);
        JobsDatabase.Add(cmd, "sha", sha256, DbType.String);
        JobsDatabase.Add(cmd, "id", id, DbType.Int64);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs still 'running' from an earlier process were cut off by its end: mark them interrupted. Only
    /// for a history of one instance (SQLite): on a shared server another instance's runs are running.
    /// </summary>
    public async Task<IReadOnlyList<RunRecord>> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        var running = (await ListAsync(1000, cancellationToken).ConfigureAwait(false)).Where(r => r.Status == RunStatus.Running).ToArray();
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "UPDATE runs SET status = 'Interrupted', ended = @ended, error = @error WHERE status = 'Running'";
        JobsDatabase.Add(cmd, "ended", Now(), DbType.String);
        JobsDatabase.Add(cmd, "error", ProcessEndedError, DbType.String);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return running;
    }

    /// <summary>
    /// A job importing <paramref name="claim"/> is starting: a run of it still 'running' belongs to an
    /// earlier attempt of the same job whose process ended (the queue hands a job to one worker at a
    /// time), so it is marked interrupted. Returns how many.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(string claim, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "UPDATE runs SET status = 'Interrupted', ended = @ended, error = @error WHERE status = 'Running' AND claim = @claim";
        JobsDatabase.Add(cmd, "ended", Now(), DbType.String);
        JobsDatabase.Add(cmd, "error", ProcessEndedError, DbType.String);
        JobsDatabase.Add(cmd, "claim", claim, DbType.String);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many runs imported the claimed file <paramref name="claim"/> before.</summary>
    public async Task<long> CountRunsAsync(string claim, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM runs WHERE claim = @claim";
        JobsDatabase.Add(cmd, "claim", claim, DbType.String);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The runs (ids, oldest first) whose process ended while they imported a file with this content.</summary>
    public async Task<IReadOnlyList<long>> ProcessEndsAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id FROM runs WHERE sha256 = @sha AND status = 'Interrupted' AND error = @error ORDER BY id";
        JobsDatabase.Add(cmd, "sha", sha256, DbType.String);
        JobsDatabase.Add(cmd, "error", ProcessEndedError, DbType.String);
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
        cmd.CommandText = "SELECT COUNT(*) FROM runs WHERE sha256 = @sha AND status = 'Succeeded'";
        JobsDatabase.Add(cmd, "sha", sha256, DbType.String);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>One run by its id, or null.</summary>
    public async Task<RunRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM runs WHERE id = @id";
        JobsDatabase.Add(cmd, "id", id, DbType.Int64);
        return (await ReadAsync(cmd, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The most recent runs first.</summary>
    public Task<IReadOnlyList<RunRecord>> ListAsync(int limit, CancellationToken cancellationToken) => ListAsync(0, limit, cancellationToken);

    /// <summary>The most recent runs first, after skipping <paramref name="offset"/> of them (a page).</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM runs ORDER BY id DESC LIMIT @limit OFFSET @offset";
        JobsDatabase.Add(cmd, "limit", (long)limit, DbType.Int64);
        JobsDatabase.Add(cmd, "offset", (long)offset, DbType.Int64);
        return await ReadAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM runs";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private const string Columns = "id, job, file, sha256, started, ended, status, rows_read, rows_written, rows_rejected, error";

    private static async Task<IReadOnlyList<RunRecord>> ReadAsync(DbCommand cmd, CancellationToken cancellationToken)
    {
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

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_ready)
        {
            await _schema.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_ready)
                {
                    await using (var tx = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await using var cmd = db.CreateCommand();
                        cmd.Transaction = tx;
                        cmd.CommandText = database.SchemaSql;
                        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (!database.IsPostgres)
                    {
                        await UpgradeSqliteAsync(db, cancellationToken).ConfigureAwait(false);
                    }

                    _ready = true;
                }
            }
            finally
            {
                _schema.Release();
            }
        }

        return db;
    }

    /// <summary>WAL (readers do not wait for the importer), and the claim column that histories written before Hangfire lack.</summary>
    private static async Task UpgradeSqliteAsync(DbConnection db, CancellationToken cancellationToken)
    {
        await using var wal = db.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var columns = db.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('runs') WHERE name = 'claim'";
        if (Convert.ToInt64(await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            await using var alter = db.CreateCommand();
            alter.CommandText = "ALTER TABLE runs ADD COLUMN claim TEXT; CREATE INDEX IF NOT EXISTS runs_claim ON runs (claim, status);";
            await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

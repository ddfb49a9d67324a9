using Microsoft.EntityFrameworkCore;

namespace PeakMonitor.Accounts;

/// <summary>
/// The durable audit log (the accounts SQLite file). Entries are only ever added: nothing in the
/// product updates or deletes them.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AccountsDbContext> contexts, TimeProvider time)
{
    public const int MaxPageSize = 500;

    public async Task WriteAsync(string actor, string action, string target, string result, string? remoteAddress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor, 100),
            Action = action,
            Target = Truncate(target, 400),
            Result = Truncate(result, 1000),
            RemoteAddress = remoteAddress,
        });
        // Not cancellable once started: a request aborted by the client must still leave its trace.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Newest first, optionally one action or one actor, entries older than <paramref name="beforeId"/> for paging.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? action, string? actor, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrEmpty(actor))
        {
            query = query.Where(e => e.Actor == actor);
        }

        if (beforeId is { } before)
        {
            query = query.Where(e => e.Id < before);
        }

        return await query.OrderByDescending(e => e.Id).Take(Math.Clamp(limit, 1, MaxPageSize)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PeakMonitor.Accounts;

/// <summary>A token that checked out: whose it is, and which one.</summary>
public sealed record VerifiedToken(int TokenId, string UserId, string UserName, string SecurityStamp);

/// <summary>A token as its owner sees it in lists (never the secret).</summary>
public sealed record TokenSummary(int Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc);

/// <summary>
/// Per-user read-only API tokens: created (the secret shown once), listed, revoked, verified. Only
/// hashes are stored; a revoked token, or one whose user is deleted, no longer works. A lockout does
/// not stop tokens: it is a defence of the sign-in form, and anyone can trigger it by guessing
/// passwords — it must not switch off a colleague's integration (revoke the token for that).
/// </summary>
public sealed class ApiTokens(AccountsDbContext db, AuditLog audit, TimeProvider time)
{
    public const string SecretPrefix = "pmt_";
    private const int SecretBytes = 24;
    private const int MaxTokensPerUser = 20;

    /// <summary>Last-use times are written at most this often per token, so API traffic does not turn into SQLite writes.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    public async Task<(TokenSummary Token, string Secret)> CreateAsync(string userName, string name, string actor, CancellationToken cancellationToken)
    {
        var tokenName = (name ?? string.Empty).Trim();
        if (tokenName.Length is 0 or > 100 || tokenName.Any(char.IsControl))
        {
            throw new AccountException("name: give the token a name of 1–100 characters (for example the script that will use it).");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false)
            ?? throw new AccountException($"There is no user named '{userName}'.");
        if (await db.ApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAtUtc == null, cancellationToken).ConfigureAwait(false) >= MaxTokensPerUser)
        {
            throw new AccountException($"'{userName}' has {MaxTokensPerUser} active tokens already; revoke one first.");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = tokenName,
            Hash = HashOf(secret),
            Prefix = secret[..(SecretPrefix.Length + 4)],
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor, AuditActions.TokenCreate, $"{userName}/{token.Id} {tokenName}", "ok", null, cancellationToken).ConfigureAwait(false);
        return (Summary(token), secret);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(string userName, CancellationToken cancellationToken) =>
        (await db.ApiTokens.AsNoTracking().Where(t => t.User!.UserName == userName).OrderByDescending(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(Summary).ToList();

    /// <summary>Revokes one of <paramref name="userName"/>'s tokens (an admin passes the owner's name). Revoking twice is harmless.</summary>
    public async Task RevokeAsync(string userName, int tokenId, string actor, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.User!.UserName == userName, cancellationToken).ConfigureAwait(false)
            ?? throw new AccountException($"'{userName}' has no token {tokenId}.");
        token.RevokedAtUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor, AuditActions.TokenRevoke, $"{userName}/{tokenId} {token.Name}", "ok", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token's owner, or null when the secret is malformed, unknown or revoked (or its user deleted).</summary>
    public async Task<VerifiedToken?> VerifyAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length != SecretPrefix.Length + 32)
        {
            return null;
        }

        var hash = HashOf(secret);
        var found = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAtUtc == null, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (found?.User is not { } user)
        {
            return null;
        }

        if (found.LastUsedAtUtc is not { } last || now.UtcDateTime - last > LastUsedResolution)
        {
            found.LastUsedAtUtc = now.UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new VerifiedToken(found.Id, user.Id, user.UserName!, user.SecurityStamp ?? string.Empty);
    }

    internal static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static TokenSummary Summary(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc);
}

namespace PeakMonitor.Accounts;

/// <summary>
/// A per-user, read-only API token. Only the SHA-256 of the token is stored: the token itself is shown
/// once, when it is created. A token is 192 random bits, so a plain hash (no salt, no stretching) is
/// as strong as the secret; the prefix lets a user tell their tokens apart without revealing them.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public PeakUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token (for example <c>pmt_3fK9</c>), for lists.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

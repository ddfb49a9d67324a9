using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;

namespace PeakMonitor.Web.Security;

/// <summary>
/// A password check against a hash that belongs to nobody, with the same hasher and cost as a real one:
/// a sign-in for an unknown or locked-out user then takes as long as a wrong password, so timing does
/// not tell which user names exist.
/// </summary>
internal sealed class DummyPasswordCheck
{
    private static readonly PeakUser Nobody = new() { UserName = "\u0000nobody" };
    private readonly IPasswordHasher<PeakUser> _hasher;
    private readonly string _hash;

    public DummyPasswordCheck(IPasswordHasher<PeakUser> hasher)
    {
        _hasher = hasher;
        _hash = hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>Does the work of a password check and discards the answer (it is never right).</summary>
    public void Verify(string password) => _ = _hasher.VerifyHashedPassword(Nobody, _hash, password);
}

/// <summary>
/// Sessions ended by signing out. Signing out renews the user's security stamp, which ends every other
/// cookie of that user at its next stamp check (within a minute); the stamps retired here end them on
/// this instance at once, so a copied cookie is worthless from the moment its user signs out.
/// </summary>
internal sealed class SignedOutSessions(TimeProvider time, IOptions<AccountsOptions> accounts)
{
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<(string User, string Stamp), DateTimeOffset> _retired = new();

    public void Retire(string userId, string? stamp)
    {
        if (stamp is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (_retired.Count >= MaxRemembered)
        {
            // The stamp check still ends these within a minute; memory stays bounded.
            foreach (var expired in _retired.Where(r => r.Value <= now).Select(r => r.Key).ToArray())
            {
                _retired.TryRemove(expired, out _);
            }
        }

        if (_retired.Count < MaxRemembered)
        {
            _retired[(userId, stamp)] = now + accounts.Value.SessionLifetime;
        }
    }

    public bool IsRetired(ClaimsPrincipal principal, string stampClaimType) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
        && principal.FindFirstValue(stampClaimType) is { } stamp
        && _retired.TryGetValue((id, stamp), out var until)
        && until > time.GetUtcNow();

    /// <summary>Wraps Identity's stamp check on every cookie: a retired session is refused before it.</summary>
    public static void RefuseRetiredCookies(CookieAuthenticationOptions options)
    {
        var identityCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            if (context.Principal is { } principal && services.GetRequiredService<SignedOutSessions>().IsRetired(principal, claimType))
            {
                context.RejectPrincipal();
                return;
            }

            await identityCheck(context);
        };
    }
}

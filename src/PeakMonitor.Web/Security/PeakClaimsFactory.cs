using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;

namespace PeakMonitor.Web.Security;

/// <summary>Identity's claims (name, roles, security stamp) plus a mark while the one-time password is still unchanged.</summary>
internal sealed class PeakClaimsFactory(UserManager<PeakUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PeakUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "pm:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PeakUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "1"));
        }

        return identity;
    }
}

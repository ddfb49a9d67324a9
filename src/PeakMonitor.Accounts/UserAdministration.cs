using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace PeakMonitor.Accounts;

/// <summary>A user as the admin page and <c>peakmonitor users list</c> show it.</summary>
public sealed record UserSummary(string Id, string Name, string Role, bool MustChangePassword, DateTimeOffset? LockedUntil, int FailedSignIns, DateTime CreatedAtUtc, int ActiveTokens);

/// <summary>A created or reset account: its one-time password is shown once and never stored.</summary>
public sealed record IssuedPassword(string UserName, string Role, string Password);

/// <summary>
/// Managing users: add with a generated one-time password, change role, reset password, unlock,
/// delete. Every change is written to the audit log with who asked. The last admin cannot be removed
/// or demoted, so the product can always be administered.
/// </summary>
public sealed class UserAdministration(UserManager<PeakUser> users, AccountsDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<IssuedPassword> AddAsync(string name, string role, string actor, CancellationToken cancellationToken)
    {
        var userName = (name ?? string.Empty).Trim();
        RequireRole(role);
        if (await users.FindByNameAsync(userName).ConfigureAwait(false) is not null)
        {
            await audit.WriteAsync(actor, AuditActions.UserAdd, userName, "refused: exists", null, cancellationToken).ConfigureAwait(false);
            throw new AccountException($"A user named '{userName}' exists already.");
        }

        var password = PasswordGenerator.Generate(userName);
        var user = new PeakUser { UserName = userName, MustChangePassword = true, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, password).ConfigureAwait(false), "name");
        Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false), "role");
        await audit.WriteAsync(actor, AuditActions.UserAdd, userName, "ok: role " + role, null, cancellationToken).ConfigureAwait(false);
        return new IssuedPassword(userName, role, password);
    }

    public async Task SetRoleAsync(string name, string role, string actor, CancellationToken cancellationToken)
    {
        RequireRole(role);
        var user = await FindAsync(name).ConfigureAwait(false);
        var current = await RoleOfAsync(user).ConfigureAwait(false);
        if (current == Roles.Admin && role != Roles.Admin && await AdminCountAsync().ConfigureAwait(false) <= 1)
        {
            await audit.WriteAsync(actor, AuditActions.UserRole, user.UserName!, "refused: last admin", null, cancellationToken).ConfigureAwait(false);
            throw new AccountException($"'{user.UserName}' is the only admin; make someone else admin first.");
        }

        if (current is not null)
        {
            Check(await users.RemoveFromRoleAsync(user, current).ConfigureAwait(false), "role");
        }

        Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false), "role");
        // A new security stamp ends the user's current sign-ins: the new role applies at once.
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        await audit.WriteAsync(actor, AuditActions.UserRole, user.UserName!, $"ok: {current ?? "none"} → {role}", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IssuedPassword> ResetPasswordAsync(string name, string actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(name).ConfigureAwait(false);
        var password = PasswordGenerator.Generate(user.UserName);
        Check(await users.RemovePasswordAsync(user).ConfigureAwait(false), "password");
        Check(await users.AddPasswordAsync(user, password).ConfigureAwait(false), "password");
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user).ConfigureAwait(false), "password");
        await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        await audit.WriteAsync(actor, AuditActions.UserPasswordReset, user.UserName!, "ok", null, cancellationToken).ConfigureAwait(false);
        return new IssuedPassword(user.UserName!, await RoleOfAsync(user).ConfigureAwait(false) ?? string.Empty, password);
    }

    public async Task UnlockAsync(string name, string actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(name).ConfigureAwait(false);
        await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        await audit.WriteAsync(actor, AuditActions.UserUnlock, user.UserName!, "ok", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string name, string actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(name).ConfigureAwait(false);
        if (await RoleOfAsync(user).ConfigureAwait(false) == Roles.Admin && await AdminCountAsync().ConfigureAwait(false) <= 1)
        {
            await audit.WriteAsync(actor, AuditActions.UserDelete, user.UserName!, "refused: last admin", null, cancellationToken).ConfigureAwait(false);
            throw new AccountException($"'{user.UserName}' is the only admin and cannot be deleted.");
        }

        // Its API tokens go with it (cascade).
        Check(await users.DeleteAsync(user).ConfigureAwait(false), "user");
        await audit.WriteAsync(actor, AuditActions.UserDelete, user.UserName!, "ok", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var roleOf = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).ToDictionaryAsync(x => x.UserId, x => x.Name!, cancellationToken).ConfigureAwait(false);
        var tokens = await db.ApiTokens.Where(t => t.RevokedAtUtc == null).GroupBy(t => t.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken).ConfigureAwait(false);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return all.Select(u => new UserSummary(u.Id, u.UserName!, roleOf.GetValueOrDefault(u.Id, string.Empty), u.MustChangePassword,
            u.LockoutEnd > now ? u.LockoutEnd : null, u.AccessFailedCount, u.CreatedAtUtc, tokens.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<bool> AnyAdminAsync() => await AdminCountAsync().ConfigureAwait(false) > 0;

    public async Task<string?> RoleOfAsync(PeakUser user) =>
        (await users.GetRolesAsync(user).ConfigureAwait(false)).FirstOrDefault(Roles.IsRole);

    private async Task<int> AdminCountAsync() => (await users.GetUsersInRoleAsync(Roles.Admin).ConfigureAwait(false)).Count;

    private async Task<PeakUser> FindAsync(string name) =>
        await users.FindByNameAsync((name ?? string.Empty).Trim()).ConfigureAwait(false) ?? throw new AccountException($"There is no user named '{name}'.");

    private static void RequireRole(string role)
    {
        if (!Roles.IsRole(role))
        {
            throw new AccountException($"'{role}' is not a role: use {string.Join(", ", Roles.All)}.");
        }
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"{field}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor users …</c> and <c>peakmonitor tokens …</c>: accounts on the machine that runs the
/// app, without signing in (whoever can run this can read the accounts file anyway). There are no
/// default passwords: every new or reset account gets a generated one-time password, printed once.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("name") { Description = "The user name (letters, digits, - . _ @ +)." };
        var role = new Option<string>("--role") { Description = "viewer, analyst or admin.", DefaultValueFactory = _ => Roles.Viewer };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var ifNoAdmin = new Option<bool>("--if-no-admin") { Description = "Do nothing when an admin exists already (for first-start scripts)." };
        var add = new Command("add", "Create a user and print its one-time password (to be changed at first sign-in).") { name, role, ifNoAdmin };
        add.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            var admin = services.GetRequiredService<UserAdministration>();
            if (parsed.GetValue(ifNoAdmin) && await admin.AnyAdminAsync().ConfigureAwait(false))
            {
                await stdout.WriteLineAsync("An admin exists already: no user added.").ConfigureAwait(false);
                return 0;
            }

            var issued = await admin.AddAsync(parsed.GetValue(name)!, parsed.GetValue(role)!, Actor, ct).ConfigureAwait(false);
            await PrintPasswordAsync(stdout, issued, "created").ConfigureAwait(false);
            return 0;
        }, ct));

        var list = new Command("list", "List users: role, lockout, failed sign-ins, active tokens.");
        list.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            var users = await services.GetRequiredService<UserAdministration>().ListAsync(ct).ConfigureAwait(false);
            await stdout.WriteLineAsync("name                 role     tokens  failed  state").ConfigureAwait(false);
            foreach (var u in users)
            {
                var state = u.LockedUntil is { } until ? $"locked until {until:yyyy-MM-dd HH:mm}Z" : u.MustChangePassword ? "must change password" : "active";
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{u.Name,-20} {u.Role,-8} {u.ActiveTokens,6} {u.FailedSignIns,7}  {state}")).ConfigureAwait(false);
            }

            return 0;
        }, ct));

        var newRole = new Argument<string>("role") { Description = "viewer, analyst or admin." };
        newRole.AcceptOnlyFromAmong([.. Roles.All]);
        var setRole = new Command("set-role", "Give a user another role (their sign-ins end; the last admin stays admin).") { name, newRole };
        setRole.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            await services.GetRequiredService<UserAdministration>().SetRoleAsync(parsed.GetValue(name)!, parsed.GetValue(newRole)!, Actor, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{parsed.GetValue(name)} is now {parsed.GetValue(newRole)}.").ConfigureAwait(false);
            return 0;
        }, ct));

        var reset = new Command("reset-password", "Replace a user's password with a new one-time password (also unlocks).") { name };
        reset.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            var issued = await services.GetRequiredService<UserAdministration>().ResetPasswordAsync(parsed.GetValue(name)!, Actor, ct).ConfigureAwait(false);
            await PrintPasswordAsync(stdout, issued, "reset").ConfigureAwait(false);
            return 0;
        }, ct));

        var unlock = new Command("unlock", "End a lockout after failed sign-ins.") { name };
        unlock.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            await services.GetRequiredService<UserAdministration>().UnlockAsync(parsed.GetValue(name)!, Actor, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{parsed.GetValue(name)} is unlocked.").ConfigureAwait(false);
            return 0;
        }, ct));

        var delete = new Command("delete", "Delete a user and their API tokens (not the last admin).") { name };
        delete.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            await services.GetRequiredService<UserAdministration>().DeleteAsync(parsed.GetValue(name)!, Actor, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{parsed.GetValue(name)} is deleted.").ConfigureAwait(false);
            return 0;
        }, ct));

        return new Command("users", "Manage who may sign in, and with which role (viewer, analyst, admin).") { add, list, setRole, reset, unlock, delete };
    }

    public static Command CreateTokens(TextWriter stdout, TextWriter stderr)
    {
        var user = new Argument<string>("user") { Description = "Whose token." };
        var tokenName = new Argument<string>("name") { Description = "What the token is for (for example the script that uses it)." };
        var create = new Command("create", "Create a read-only API token and print it once (send it as 'Authorization: Bearer …').") { user, tokenName };
        create.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            var (token, secret) = await services.GetRequiredService<ApiTokens>().CreateAsync(parsed.GetValue(user)!, parsed.GetValue(tokenName)!, Actor, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"token {token.Id} '{token.Name}' for {parsed.GetValue(user)} (read-only, GET /api/…):")).ConfigureAwait(false);
            await stdout.WriteLineAsync(secret).ConfigureAwait(false);
            await stdout.WriteLineAsync("It is shown only now; only its hash is stored.").ConfigureAwait(false);
            return 0;
        }, ct));

        var list = new Command("list", "List a user's tokens (never the secrets).") { user };
        list.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            var tokens = await services.GetRequiredService<ApiTokens>().ListAsync(parsed.GetValue(user)!, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync("id    prefix    created           last used         state    name").ConfigureAwait(false);
            foreach (var t in tokens)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Id,-5} {t.Prefix}…  {t.CreatedAtUtc:yyyy-MM-dd HH:mm}  {(t.LastUsedAtUtc is { } u ? u.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "never"),-16}  {(t.RevokedAtUtc is null ? "active " : "revoked")}  {t.Name}")).ConfigureAwait(false);
            }

            return 0;
        }, ct));

        var id = new Argument<int>("id") { Description = "The token's id (see tokens list)." };
        var revoke = new Command("revoke", "Revoke a token: it stops working at once.") { user, id };
        revoke.SetAction((parsed, ct) => WithAccountsAsync(stderr, async services =>
        {
            await services.GetRequiredService<ApiTokens>().RevokeAsync(parsed.GetValue(user)!, parsed.GetValue(id), Actor, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"token {parsed.GetValue(id)} of {parsed.GetValue(user)} is revoked.")).ConfigureAwait(false);
            return 0;
        }, ct));

        return new Command("tokens", "Per-user read-only API tokens.") { create, list, revoke };
    }

    /// <summary>Who the audit log names for changes made here: the operating-system account.</summary>
    private static string Actor => "cli:" + Environment.UserName;

    private static async Task PrintPasswordAsync(TextWriter stdout, IssuedPassword issued, string what)
    {
        await stdout.WriteLineAsync($"User '{issued.UserName}' ({issued.Role}) {what}. One-time password (shown only now; to be changed at first sign-in):").ConfigureAwait(false);
        await stdout.WriteLineAsync(issued.Password).ConfigureAwait(false);
    }

    private static async Task<int> WithAccountsAsync(TextWriter stderr, Func<IServiceProvider, Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
            builder.Logging.ClearProviders();
            builder.AddAccounts();
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountsDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await action(scope.ServiceProvider).ConfigureAwait(false);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }
        catch (AccountException ex)
        {
            await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
            return IngestCommand.InvalidInput;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
            return IngestCommand.InvalidInput;
        }
    }
}

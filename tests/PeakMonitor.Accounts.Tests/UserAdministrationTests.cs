using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace PeakMonitor.Accounts.Tests;

public sealed class UserAdministrationTests
{
    [Fact]
    public async Task AddAsync_NewUser_GeneratedPasswordWorksAndMustBeChanged()
    {
        await using var store = await AccountsStore.OpenAsync();

        var issued = await store.Get<UserAdministration>().AddAsync("zhang.min", Roles.Analyst, "cli:ops", CancellationToken.None);

        var users = store.Get<UserManager<PeakUser>>();
        var user = await users.FindByNameAsync("zhang.min");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, issued.Password));
        Assert.True(user.MustChangePassword);
        Assert.Equal([Roles.Analyst], await users.GetRolesAsync(user));
        Assert.DoesNotContain(issued.Password, user.PasswordHash!, StringComparison.Ordinal);
        var entry = Assert.Single(await store.Get<AuditLog>().ListAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal(("cli:ops", AuditActions.UserAdd, "zhang.min", "ok: role analyst"), (entry.Actor, entry.Action, entry.Target, entry.Result));
        Assert.Equal(store.Clock.Now.UtcDateTime, entry.AtUtc);
    }

    [Theory]
    [InlineData("", "viewer", "name")]
    [InlineData("bad name", "viewer", "name")]
    [InlineData("王伟", "viewer", "name")]
    [InlineData("ok.name", "root", "not a role")]
    [InlineData("ok.name", "", "not a role")]
    public async Task AddAsync_BadNameOrRole_AccountExceptionAndNoUser(string name, string role, string message)
    {
        await using var store = await AccountsStore.OpenAsync();

        var ex = await Assert.ThrowsAsync<AccountException>(() => store.Get<UserAdministration>().AddAsync(name, role, "test", CancellationToken.None));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.Get<UserAdministration>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_ExistingName_RefusedAndAudited()
    {
        await using var store = await AccountsStore.OpenAsync();
        await store.Get<UserAdministration>().AddAsync("li", Roles.Viewer, "test", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<AccountException>(() => store.Get<UserAdministration>().AddAsync("LI", Roles.Admin, "test", CancellationToken.None));

        Assert.Contains("exists already", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Roles.Viewer, Assert.Single(await store.Get<UserAdministration>().ListAsync(CancellationToken.None)).Role);
        Assert.Equal("refused: exists", (await store.Get<AuditLog>().ListAsync(AuditActions.UserAdd, null, null, 1, CancellationToken.None))[0].Result);
    }

    [Fact]
    public async Task SetRoleAndDelete_LastAdmin_Refused()
    {
        await using var store = await AccountsStore.OpenAsync();
        var admin = store.Get<UserAdministration>();
        await admin.AddAsync("root", Roles.Admin, "test", CancellationToken.None);

        await Assert.ThrowsAsync<AccountException>(() => store.Get<UserAdministration>().SetRoleAsync("root", Roles.Viewer, "test", CancellationToken.None));
        await Assert.ThrowsAsync<AccountException>(() => store.Get<UserAdministration>().DeleteAsync("root", "test", CancellationToken.None));

        await store.Get<UserAdministration>().AddAsync("second", Roles.Admin, "test", CancellationToken.None);
        await store.Get<UserAdministration>().SetRoleAsync("root", Roles.Viewer, "test", CancellationToken.None);
        var users = await store.Get<UserAdministration>().ListAsync(CancellationToken.None);
        Assert.Equal(Roles.Viewer, users.Single(u => u.Name == "root").Role);
        Assert.Equal(2, (await store.Get<AuditLog>().ListAsync(null, null, null, 100, CancellationToken.None)).Count(e => e.Result == "refused: last admin"));
    }

    [Fact]
    public async Task SetRoleAsync_NewSecurityStamp_EndsExistingSignIns()
    {
        await using var store = await AccountsStore.OpenAsync();
        await store.Get<UserAdministration>().AddAsync("analyst1", Roles.Analyst, "test", CancellationToken.None);
        var before = (await store.Get<UserManager<PeakUser>>().FindByNameAsync("analyst1"))!.SecurityStamp;

        await store.Get<UserAdministration>().SetRoleAsync("analyst1", Roles.Viewer, "test", CancellationToken.None);

        var user = (await store.Get<UserManager<PeakUser>>().FindByNameAsync("analyst1"))!;
        Assert.NotEqual(before, user.SecurityStamp);
        Assert.Equal([Roles.Viewer], await store.Get<UserManager<PeakUser>>().GetRolesAsync(user));
    }

    [Fact]
    public async Task ResetPasswordAsync_LockedUser_NewPasswordUnlocksOldOneFails()
    {
        await using var store = await AccountsStore.OpenAsync();
        var old = await store.Get<UserAdministration>().AddAsync("wang", Roles.Viewer, "test", CancellationToken.None);
        var users = store.Get<UserManager<PeakUser>>();
        var user = (await users.FindByNameAsync("wang"))!;
        for (var i = 0; i < 5; i++)
        {
            await users.AccessFailedAsync(user);
        }

        Assert.True(await users.IsLockedOutAsync(user));

        var issued = await store.Get<UserAdministration>().ResetPasswordAsync("wang", "admin1", CancellationToken.None);

        var fresh = store.Get<UserManager<PeakUser>>();
        user = (await fresh.FindByNameAsync("wang"))!;
        Assert.False(await fresh.IsLockedOutAsync(user));
        Assert.True(await fresh.CheckPasswordAsync(user, issued.Password));
        Assert.False(await fresh.CheckPasswordAsync(user, old.Password));
        Assert.True(user.MustChangePassword);
    }

    [Fact]
    public async Task Lockout_FiveFailures_LockedForTheConfiguredTime()
    {
        await using var store = await AccountsStore.OpenAsync();
        await store.Get<UserAdministration>().AddAsync("zhao", Roles.Viewer, "test", CancellationToken.None);
        var users = store.Get<UserManager<PeakUser>>();
        var user = (await users.FindByNameAsync("zhao"))!;

        for (var i = 0; i < 4; i++)
        {
            await users.AccessFailedAsync(user);
        }

        Assert.False(await users.IsLockedOutAsync(user));
        await users.AccessFailedAsync(user);

        Assert.True(await users.IsLockedOutAsync(user));
        // Identity's UserManager reads the wall clock itself (TimeProvider support arrives with .NET 11).
        Assert.InRange(user.LockoutEnd!.Value - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void PasswordGenerator_Generate_StrongAndDistinct()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordGenerator.Generate()).ToArray();

        Assert.Equal(200, passwords.Distinct().Count());
        Assert.All(passwords, p =>
        {
            Assert.Matches("^[A-HJ-NP-Za-km-z2-9]{5}(-[A-HJ-NP-Za-km-z2-9]{5}){3}$", p);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
        });
    }
}

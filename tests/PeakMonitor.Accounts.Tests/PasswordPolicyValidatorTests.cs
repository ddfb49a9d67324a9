using Microsoft.AspNetCore.Identity;

namespace PeakMonitor.Accounts.Tests;

public sealed class PasswordPolicyValidatorTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("Password1234")]
    [InlineData("P@ssw0rd!")]
    [InlineData("!!Qwerty123456")]
    [InlineData("1qaz2wsx")]
    [InlineData("Woaini1314")]
    [InlineData("Summer2024!")]
    [InlineData("PeakMonitor2030")]
    public void IsCommon_ListedPasswordOrOneWithDigitsAndSymbolsAround_True(string password) =>
        Assert.True(PasswordPolicyValidator.IsCommon(password));

    [Theory]
    [InlineData("Carbon-Peak-Target-2030")]
    [InlineData("Horse-battery-staple-9")]
    [InlineData("Mxq7-Trb2-Ln4w-Pz8k")]
    [InlineData("Passwordless-Sign-In-Day")]
    public void IsCommon_LongerOwnPassword_False(string password) =>
        Assert.False(PasswordPolicyValidator.IsCommon(password));

    [Fact]
    public async Task AddPasswordAsync_CommonOrContainingTheUserName_RefusedOwnAccepted()
    {
        await using var store = await AccountsStore.OpenAsync();
        await store.Get<UserAdministration>().AddAsync("wang.fang", Roles.Viewer, "test", CancellationToken.None);
        var users = store.Get<UserManager<PeakUser>>();
        var user = (await users.FindByNameAsync("wang.fang"))!;

        await users.RemovePasswordAsync(user);
        var common = await users.AddPasswordAsync(user, "Password1234");
        var named = await users.AddPasswordAsync(user, "Wang.Fang-2026x");
        var own = await users.AddPasswordAsync(user, "Carbon-Peak-Target-2030");

        Assert.Equal(["PasswordTooCommon"], common.Errors.Select(e => e.Code));
        Assert.Equal(["PasswordContainsUserName"], named.Errors.Select(e => e.Code));
        Assert.True(own.Succeeded, string.Join("; ", own.Errors.Select(e => e.Description)));
    }

    [Fact]
    public void Generate_ManyPasswordsForAShortName_NoneContainsIt()
    {
        for (var i = 0; i < 20_000; i++)
        {
            Assert.DoesNotContain("abc", PasswordGenerator.Generate("abc"), StringComparison.OrdinalIgnoreCase);
        }
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace PeakMonitor.Accounts.Tests;

public sealed class ApiTokensTests
{
    private static async Task<AccountsStore> WithUserAsync(string name = "reader")
    {
        var store = await AccountsStore.OpenAsync();
        await store.Get<UserAdministration>().AddAsync(name, Roles.Viewer, "test", CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task CreateAsync_Token_VerifiesToItsUserAndOnlyTheHashIsStored()
    {
        await using var store = await WithUserAsync();

        var (summary, secret) = await store.Get<ApiTokens>().CreateAsync("reader", "nightly", "reader", CancellationToken.None);

        Assert.StartsWith("pmt_", secret, StringComparison.Ordinal);
        Assert.Equal(36, secret.Length);
        var verified = await store.Get<ApiTokens>().VerifyAsync(secret, CancellationToken.None);
        Assert.Equal(("reader", summary.Id), (verified?.UserName, verified?.TokenId));
        var stored = await store.Get<AccountsDbContext>().ApiTokens.SingleAsync();
        Assert.Equal(ApiTokens.HashOf(secret), stored.Hash);
        Assert.DoesNotContain(secret[4..], stored.Hash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.Equal(secret[..8], stored.Prefix);
    }

    [Fact]
    public async Task VerifyAsync_RevokedOrDeleted_NullButLockedOutStillWorks()
    {
        await using var store = await WithUserAsync();
        await store.Get<UserAdministration>().AddAsync("keeper", Roles.Admin, "test", CancellationToken.None);
        var (revoked, revokedSecret) = await store.Get<ApiTokens>().CreateAsync("reader", "a", "reader", CancellationToken.None);
        var (_, lockedSecret) = await store.Get<ApiTokens>().CreateAsync("reader", "b", "reader", CancellationToken.None);

        await store.Get<ApiTokens>().RevokeAsync("reader", revoked.Id, "reader", CancellationToken.None);
        Assert.Null(await store.Get<ApiTokens>().VerifyAsync(revokedSecret, CancellationToken.None));
        Assert.NotNull(await store.Get<ApiTokens>().VerifyAsync(lockedSecret, CancellationToken.None));

        var users = store.Get<UserManager<PeakUser>>();
        // Anyone can lock an account by guessing its password: that must not switch off its owner's integrations.
        await users.SetLockoutEndDateAsync((await users.FindByNameAsync("reader"))!, store.Clock.Now.AddMinutes(10));
        Assert.NotNull(await store.Get<ApiTokens>().VerifyAsync(lockedSecret, CancellationToken.None));

        await store.Get<UserAdministration>().DeleteAsync("reader", "keeper", CancellationToken.None);
        Assert.Null(await store.Get<ApiTokens>().VerifyAsync(lockedSecret, CancellationToken.None));
        Assert.Empty(await store.Get<AccountsDbContext>().ApiTokens.ToListAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("pmt_")]
    [InlineData("Bearer pmt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("pmt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("pmt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task VerifyAsync_Malformed_Null(string secret)
    {
        await using var store = await WithUserAsync();
        await store.Get<ApiTokens>().CreateAsync("reader", "real", "reader", CancellationToken.None);

        Assert.Null(await store.Get<ApiTokens>().VerifyAsync(secret, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_LastUsed_WrittenAtMostEveryFiveMinutes()
    {
        await using var store = await WithUserAsync();
        var (_, secret) = await store.Get<ApiTokens>().CreateAsync("reader", "x", "reader", CancellationToken.None);
        var first = store.Clock.Now.UtcDateTime;

        await store.Get<ApiTokens>().VerifyAsync(secret, CancellationToken.None);
        store.Clock.Advance(TimeSpan.FromMinutes(1));
        await store.Get<ApiTokens>().VerifyAsync(secret, CancellationToken.None);
        Assert.Equal(first, (await store.Get<ApiTokens>().ListAsync("reader", CancellationToken.None)).Single().LastUsedAtUtc);

        store.Clock.Advance(TimeSpan.FromMinutes(5));
        await store.Get<ApiTokens>().VerifyAsync(secret, CancellationToken.None);
        Assert.Equal(store.Clock.Now.UtcDateTime, (await store.Get<ApiTokens>().ListAsync("reader", CancellationToken.None)).Single().LastUsedAtUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    public async Task CreateAsync_BadName_AccountException(string name)
    {
        await using var store = await WithUserAsync();

        await Assert.ThrowsAsync<AccountException>(() => store.Get<ApiTokens>().CreateAsync("reader", name, "reader", CancellationToken.None));
    }

    [Fact]
    public async Task RevokeAsync_SomeoneElsesToken_AccountExceptionAndStillValid()
    {
        await using var store = await WithUserAsync();
        await store.Get<UserAdministration>().AddAsync("other", Roles.Viewer, "test", CancellationToken.None);
        var (token, secret) = await store.Get<ApiTokens>().CreateAsync("reader", "mine", "reader", CancellationToken.None);

        await Assert.ThrowsAsync<AccountException>(() => store.Get<ApiTokens>().RevokeAsync("other", token.Id, "other", CancellationToken.None));

        Assert.NotNull(await store.Get<ApiTokens>().VerifyAsync(secret, CancellationToken.None));
    }
}

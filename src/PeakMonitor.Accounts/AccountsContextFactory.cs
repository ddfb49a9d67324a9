using Microsoft.EntityFrameworkCore;

namespace PeakMonitor.Accounts;

/// <summary>Hands out the configured provider's context as the <see cref="AccountsDbContext"/> the services ask for.</summary>
internal sealed class AccountsContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AccountsDbContext>
    where TContext : AccountsDbContext
{
    public AccountsDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AccountsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}

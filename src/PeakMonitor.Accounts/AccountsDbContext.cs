using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PeakMonitor.Accounts;

/// <summary>Identity's tables plus API tokens and the audit log, in one SQLite file.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<PeakUser>(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiToken>(t =>
        {
            t.HasIndex(x => x.Hash).IsUnique();
            t.Property(x => x.Name).HasMaxLength(100);
            t.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AuditEntry>(a =>
        {
            a.HasIndex(x => x.AtUtc);
            a.HasIndex(x => x.Action);
        });
    }
}

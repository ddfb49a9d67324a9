using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PeakMonitor.Accounts;

/// <summary>
/// Identity's tables plus API tokens, the audit log and the data-protection key ring, in one database:
/// a SQLite file by default, a PostgreSQL database when <c>ConnectionStrings:Accounts</c> names one. The
/// model is this class; each provider has its own subclass only so that each has its own EF migrations
/// (a migration's SQL types are the provider's: <c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>).
/// </summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<PeakUser>(options), IDataProtectionKeyContext
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The key ring that protects sign-in cookies and antiforgery tokens, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

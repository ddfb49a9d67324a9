using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Accounts;

public static class AccountsExtensions
{
    /// <summary>
    /// Users and roles (ASP.NET Core Identity on SQLite, or on PostgreSQL when
    /// <c>ConnectionStrings:Accounts</c> names a server), API tokens, the audit log and the user
    /// administration, configured from section <c>Accounts</c>. The web app adds its sign-in on top
    /// through <paramref name="identity"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder, Action<IdentityBuilder>? identity = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountsOptions>, AccountsOptionsValidator>();

        // The provider is chosen here, from whether the setting is there at all; whether it is a usable
        // connection string is the validator's to say, at start, with the other settings' errors.
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(AccountsConnection.Name)))
        {
            services.AddDbContextFactory<SqliteAccountsDbContext>((sp, o) =>
            {
                var path = Path.GetFullPath(sp.GetRequiredService<IOptions<AccountsOptions>>().Value.DatabasePath);
                o.UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString());
            });
            AddAccountsContext<SqliteAccountsDbContext>(services);
        }
        else
        {
            services.AddDbContextFactory<PostgresAccountsDbContext>((sp, o) =>
            {
                // Reading the options first fails with the validator's message rather than Npgsql's.
                _ = sp.GetRequiredService<IOptions<AccountsOptions>>().Value;
                o.UseNpgsql(AccountsConnection.Postgres(sp.GetRequiredService<IConfiguration>().GetConnectionString(AccountsConnection.Name)!));
            });
            AddAccountsContext<PostgresAccountsDbContext>(services);
        }

        var identityBuilder = services.AddIdentityCore<PeakUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddPasswordValidator<PasswordPolicyValidator>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((o, accounts) =>
        {
            o.Password.RequiredLength = accounts.Value.MinPasswordLength;
            o.Password.RequireDigit = true;
            o.Password.RequireLowercase = true;
            o.Password.RequireUppercase = true;
            // Length, not symbols, makes a password strong (NIST SP 800-63B §5.1.1.2).
            o.Password.RequireNonAlphanumeric = false;
            o.Lockout.AllowedForNewUsers = true;
            o.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedSignIns;
            o.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
            o.User.RequireUniqueEmail = false;
        });
        identity?.Invoke(identityBuilder);

        services.AddSingleton<AuditLog>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<AccountsDatabase>();
        // First of all hosted services: data protection's own (added by AddRazorComponents/AddAntiforgery,
        // often before this) reads the key ring at start, and the key table exists only once this has migrated.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<AccountsDatabase>()));
        return builder;
    }

    /// <summary>The provider's context, also as the <see cref="AccountsDbContext"/> (and its factory) that Identity and the services use.</summary>
    private static void AddAccountsContext<TContext>(IServiceCollection services)
        where TContext : AccountsDbContext
    {
        services.AddScoped<AccountsDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<AccountsDbContext>>(sp => new AccountsContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }
}

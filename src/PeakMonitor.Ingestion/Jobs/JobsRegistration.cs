using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>Hangfire: the job store, the client, the recurring ingestion jobs and (where enabled) a server.</summary>
public static class JobsRegistration
{
    /// <summary>Recurring job ids (also shown on the jobs dashboard).</summary>
    public const string InboxJobId = "inbox-import";

    public const string SyntheticJobId = "synthetic-feed";

    /// <summary>
    /// A plausible cron expression: 5 fields, or 6 with seconds first, of the characters cron uses.
    /// Hangfire parses it fully when the recurring job is registered at start, which fails the start.
    /// </summary>
    public static bool IsValidCron(string expression)
    {
        var fields = (expression ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length is 5 or 6 && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || "*/,-?#".Contains(c, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The job store named by <c>ConnectionStrings:Jobs</c> (PostgreSQL) or the embedded SQLite file,
    /// registered as the one <see cref="JobStorage"/> of this host: Hangfire's static
    /// <c>JobStorage.Current</c> is not used, so two hosts in one process (tests) keep their own.
    /// </summary>
    public static void AddJobs(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => JobsDatabase.From(configuration.GetConnectionString("Jobs"), sp.GetRequiredService<IOptions<IngestionOptions>>().Value));
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<JobsDatabase>(), sp.GetRequiredService<IOptions<IngestionOptions>>().Value));

        // Hangfire's default activator is the static JobActivator.Current, which the host configured last
        // sets: with two hosts in one process (tests) one host's server would build its jobs from the
        // other's services. Each host activates from its own container instead.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new HostSafeLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!configuration.GetValue(IngestionOptions.SectionName + ":SchedulerEnabled", true))
        {
            return;
        }

        // Recovery must run before the job server starts: hosted services start in registration order.
        services.AddHostedService(sp => sp.GetRequiredService<IngestionRecovery>());
        services.AddHostedService<RecurringJobsRegistration>();
        services.AddHangfireServer((sp, server) =>
        {
            var o = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            server.WorkerCount = o.WorkerCount;
            server.ServerName = $"peakmonitor:{Environment.MachineName}:{Environment.ProcessId}";
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            server.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
    }

    private static JobStorage CreateStorage(JobsDatabase database, IngestionOptions o)
    {
        if (database.PostgresConnectionString is { } pg)
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(pg, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = o.QueuePollInterval,
                EnableLongPolling = true,

                // The running worker renews its claim: a job whose instance died goes to another after RequeueAfter.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = o.RequeueAfter,
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            });
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database.HangfireSqlitePath)!);
        return new SQLiteStorage(database.HangfireSqlitePath, new SQLiteStorageOptions
        {
            QueuePollInterval = o.QueuePollInterval,
            InvisibilityTimeout = o.RequeueAfter,
        });
    }

    /// <summary>Registers (or updates, or removes) the recurring jobs from the settings once the host starts.</summary>
    private sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<IngestionOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var o = options.Value;
            var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
            recurring.AddOrUpdate<InboxImportJob>(InboxJobId, j => j.ScanAsync(CancellationToken.None), o.InboxCron, utc);
            if (o.SyntheticFeedEnabled)
            {
                recurring.AddOrUpdate<SyntheticFeedJob>(SyntheticJobId, j => j.RunAsync(CancellationToken.None), o.SyntheticFeedCron, utc);
            }
            else
            {
                recurring.RemoveIfExists(SyntheticJobId);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

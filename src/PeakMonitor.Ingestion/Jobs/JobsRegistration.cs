using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace PeakMonitor.Ingestion.Jobs;

public static class JobsRegistration
{
    public const string SchedulerName = "peakmonitor-ingestion";

    public static bool IsValidCron(string expression)
    {
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Quartz with a durable SQLite job store (schedules survive restarts; the schema is provisioned
    /// on first start) and the two ingestion jobs on cron schedules from configuration.
    /// </summary>
    public static void AddScheduler(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IngestionOptions.SectionName).Get<IngestionOptions>() ?? new IngestionOptions();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Database))!);

        // Recovery must run before the scheduler starts: hosted services start in registration order.
        services.AddHostedService(sp => sp.GetRequiredService<IngestionRecovery>());
        var properties = new Dictionary<string, string?> { ["quartz.scheduler.instanceName"] = SchedulerName };
        services.AddQuartz(properties, q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={Path.GetFullPath(options.Database)}");
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            q.AddJob<InboxImportJob>(j => j.WithIdentity(InboxImportJob.Key).StoreDurably(true).WithDescription("Import files dropped into the inbox"));
            q.AddTrigger(t => t.ForJob(InboxImportJob.Key).WithIdentity("inbox-cron", "ingestion").WithCronSchedule(options.InboxCron));
            if (options.SyntheticFeedEnabled)
            {
                q.AddJob<SyntheticFeedJob>(j => j.WithIdentity(SyntheticFeedJob.Key).StoreDurably(true).WithDescription("Synthetic monthly demo feed (source=synthetic)"));
                q.AddTrigger(t => t.ForJob(SyntheticFeedJob.Key).WithIdentity("synthetic-cron", "ingestion").WithCronSchedule(options.SyntheticFeedCron));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}

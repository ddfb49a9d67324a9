using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Ingestion.Kpis;
using Microsoft.Extensions.Configuration;

namespace PeakMonitor.Ingestion;

public static class IngestionExtensions
{
    /// <summary>
    /// File ingestion: validated, streaming imports of data files through the domain's writer, the KPI
    /// results refreshed after each import (<see cref="KpiExtensions.AddKpis"/>). Settings: <c>Ingestion:Import</c>, <c>Kpi</c>.
    /// </summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>());
        builder.AddKpis();
        Events.PolicyEventsExtensions.AddPolicyEvents(builder);
        services.AddTransient<FileIngestor>();
        services.AddTransient<FileImporter>();

        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory) && JobsRegistration.IsValidCron(o.InboxCron) && JobsRegistration.IsValidCron(o.SyntheticFeedCron),
                "Ingestion: DataDirectory must be set, and InboxCron and SyntheticFeedCron must be valid Quartz cron expressions.")
            .ValidateOnStart();
        services.AddSingleton<RunHistory>();
        services.AddTransient<ImportRunner>();
        services.AddTransient<InboxImportJob>();
        services.AddTransient<SyntheticFeedJob>();
        services.AddSingleton<IngestionRecovery>();
        if (builder.Configuration.GetValue(IngestionOptions.SectionName + ":SchedulerEnabled", true))
        {
            JobsRegistration.AddScheduler(services, builder.Configuration);
        }

        return builder;
    }
}

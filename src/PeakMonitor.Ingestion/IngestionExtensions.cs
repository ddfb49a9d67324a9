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
    /// results refreshed after each import (<see cref="KpiExtensions.AddKpis"/>); the jobs on Hangfire
    /// (SQLite, or PostgreSQL when <c>ConnectionStrings:Jobs</c> names one). Settings: <c>Ingestion</c>, <c>Kpi</c>.
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
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>());
        services.AddSingleton<RunHistory>();
        services.AddSingleton<ImportSlots>();
        services.AddTransient<ImportRunner>();
        services.AddTransient<FileImportJob>();
        services.AddTransient<InboxImportJob>();
        services.AddTransient<SyntheticFeedJob>();
        services.AddTransient<KpiRefreshJob>();
        services.AddSingleton<IngestionRecovery>();
        JobsRegistration.AddJobs(services, builder.Configuration);

        return builder;
    }
}

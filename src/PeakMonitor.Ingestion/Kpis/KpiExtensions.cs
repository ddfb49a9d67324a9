using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Ports;

namespace PeakMonitor.Ingestion.Kpis;

public static class KpiExtensions
{
    /// <summary>
    /// The one source of KPI results (<see cref="IKpiResults"/>) for pages, API, reports, jobs and CLI,
    /// with the judgement thresholds and the provincial targets file of section <c>Kpi</c>.
    /// </summary>
    public static IHostApplicationBuilder AddKpis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<KpiJudgementOptions>().BindConfiguration("Kpi").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KpiJudgementOptions>, KpiJudgementOptionsValidator>());
        services.AddOptions<KpiOptions>().BindConfiguration("Kpi")
            .Validate(o => o.RefreshAfter >= TimeSpan.Zero, "Kpi:RefreshAfter must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton<KpiResults>();
        services.TryAddSingleton<IKpiResults>(sp => sp.GetRequiredService<KpiResults>());
        services.TryAddTransient<KpiRevisions>();

        // The outlook model's settings (section Outlook), every problem reported at start.
        services.AddOptions<OutlookOptions>().BindConfiguration(OutlookOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutlookOptions>, OutlookOptionsValidator>());
        services.TryAddSingleton<IOutlookResults, OutlookResults>();
        return builder;
    }

    private sealed class OutlookOptionsValidator : IValidateOptions<OutlookOptions>
    {
        public ValidateOptionsResult Validate(string? name, OutlookOptions options)
        {
            var problems = options.Validate().ToArray();
            return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private sealed class KpiJudgementOptionsValidator : IValidateOptions<KpiJudgementOptions>
    {
        public ValidateOptionsResult Validate(string? name, KpiJudgementOptions options)
        {
            var problems = options.Validate().ToArray();
            return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

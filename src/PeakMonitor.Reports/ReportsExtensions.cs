using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.Reports.Pdf;

namespace PeakMonitor.Reports;

public static class ReportsExtensions
{
    /// <summary>Reports: the assessment report generator and the shared headless Chromium that prints HTML to PDF.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath), "Reports:ChromiumPath must not be empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<HtmlPdfRenderer>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<KpiJudgementOptions>().BindConfiguration("Kpi");
        // The reports' probabilities use the same section as the dashboard's (bound again here so that the
        // reports do not depend on who else registered it; binding twice applies the same values).
        builder.Services.AddOptions<OutlookOptions>().BindConfiguration(OutlookOptions.SectionName);
        builder.Services.AddTransient<ReportGenerator>();
        return builder;
    }
}

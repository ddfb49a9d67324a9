using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeakMonitor.Reports.Pdf;

namespace PeakMonitor.Reports;

public static class ReportsExtensions
{
    /// <summary>Report rendering: the shared headless Chromium that prints HTML to PDF.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath), "Reports:ChromiumPath must not be empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<HtmlPdfRenderer>();
        return builder;
    }
}

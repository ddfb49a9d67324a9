using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PeakMonitor.Ingestion;

public static class IngestionExtensions
{
    /// <summary>File ingestion: parse, validate and convert data files, then store them through the domain's writer.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTransient<FileIngestor>();
        return builder;
    }
}

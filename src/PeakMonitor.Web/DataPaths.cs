using PeakMonitor.Accounts;
using PeakMonitor.Influx;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.Reports;

namespace PeakMonitor.Web;

/// <summary>
/// Where relative paths in the settings lead. <c>dotnet run</c> starts a web project in its own folder,
/// so paths relative to the working directory would put data, accounts and reports under
/// <c>src/PeakMonitor.Web</c> when the app is started one way and under the checkout when started
/// another. Every relative file or folder setting is resolved once, at startup, against one root:
/// <c>DataRoot</c> if set; else the checkout the app's binaries were built in (the folder holding
/// <c>PeakMonitor.sln</c>), where <c>data/</c> and <c>seed-data/</c> are; else the content root (a
/// published app's folder).
/// </summary>
internal static class DataPaths
{
    public const string RootKey = "DataRoot";

    /// <summary>Every setting that names a file or folder, with its default.</summary>
    private static IEnumerable<(string Key, string? Default)> Settings() =>
    [
        ("Influx:Managed:DataDirectory", new ManagedInfluxdOptions().DataDirectory),
        ("Ingestion:DataDirectory", new IngestionOptions().DataDirectory),
        ("Kpi:ProvincialTargetsFile", new KpiOptions().ProvincialTargetsFile),
        ("Events:File", new PeakMonitor.Ingestion.Events.EventsOptions().File),
        ("Reports:ArchiveDirectory", new ReportsOptions().ArchiveDirectory),
        ("Reports:EchartsScript", new ReportsOptions().EchartsScript),
        ("Accounts:DatabasePath", new AccountsOptions().DatabasePath),
        ("Accounts:KeysDirectory", new AccountsOptions().KeysDirectory),
    ];

    /// <summary>Rewrites the relative path settings as absolute ones; call before the services read them.</summary>
    public static WebApplicationBuilder AnchorDataPaths(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var root = Root(builder.Configuration[RootKey], AppContext.BaseDirectory, builder.Environment.ContentRootPath);
        var anchored = new Dictionary<string, string?>(StringComparer.Ordinal) { [RootKey] = root };
        foreach (var (key, fallback) in Settings())
        {
            if ((builder.Configuration[key] ?? fallback) is { Length: > 0 } value && !Path.IsPathRooted(value))
            {
                anchored[key] = Path.GetFullPath(value, root);
            }
        }

        builder.Configuration.AddInMemoryCollection(anchored);
        return builder;
    }

    public static string Root(string? configured, string binaries, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(binaries); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeakMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        return contentRoot;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Reports;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Dashboard;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests;

/// <summary>Relative path settings lead to one place, whatever folder the app was started from.</summary>
public sealed class DataPathsTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    [Fact]
    public async Task AnchorDataPaths_RelativeArchiveFromAnyWorkingDirectory_UnderTheCheckoutNotTheWebProject()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, new Dictionary<string, string?> { ["Reports:ArchiveDirectory"] = "data/reports-anchor-test" });

        var folder = factory.Services.GetRequiredService<ReportJobs>().Folder;

        Assert.Equal(Path.Combine(Repository.Root, "data", "reports-anchor-test"), folder);
        Assert.NotEqual(Path.GetFullPath("data/reports-anchor-test"), folder);
        var echarts = factory.Services.GetRequiredService<IOptions<ReportsOptions>>().Value.EchartsScript;
        Assert.StartsWith(Path.Combine(Repository.Root, "src", "PeakMonitor.Web"), echarts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnchorDataPaths_DataRootSet_EveryRelativeSettingUnderIt()
    {
        using var root = new TempDirectory("peakmonitor-data-root");
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, new Dictionary<string, string?>
        {
            ["DataRoot"] = root.Path,
            ["Reports:ArchiveDirectory"] = "data/reports",
            ["Ingestion:DataDirectory"] = "data/ingestion",
            ["Accounts:DatabasePath"] = "data/accounts.db",
            ["Accounts:KeysDirectory"] = "data/keys",
        }) { IngestionDirectory = Path.Combine(root.Path, "data", "ingestion") };

        var services = factory.Services;

        Assert.Equal(Path.Combine(root.Path, "data", "reports"), services.GetRequiredService<ReportJobs>().Folder);
        Assert.Equal(Path.Combine(root.Path, "data", "ingestion"), services.GetRequiredService<IOptions<IngestionOptions>>().Value.DataDirectory);
        Assert.Equal(Path.Combine(root.Path, "data", "accounts.db"), services.GetRequiredService<IOptions<AccountsOptions>>().Value.DatabasePath);
        Assert.True(File.Exists(Path.Combine(root.Path, "data", "accounts.db")));
        // The key ring is in the accounts database; the folder is only read for keys of earlier versions.
        Assert.Equal(Path.Combine(root.Path, "data", "keys"), services.GetRequiredService<IOptions<AccountsOptions>>().Value.KeysDirectory);
    }

    [Fact]
    public void Root_PublishedAppOutsideACheckout_ContentRoot()
    {
        using var published = new TempDirectory("peakmonitor-published");

        Assert.Equal(published.Path, DataPaths.Root(null, published.Path, published.Path));
        Assert.Equal(Repository.Root, DataPaths.Root(null, AppContext.BaseDirectory, "/elsewhere"));
        Assert.Equal("/srv/peakmonitor", DataPaths.Root("/srv/peakmonitor", AppContext.BaseDirectory, "/elsewhere"));
    }
}

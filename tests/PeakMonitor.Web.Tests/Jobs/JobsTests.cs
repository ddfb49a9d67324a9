using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Jobs;

/// <summary>Hangfire in the running app on its embedded SQLite store.</summary>
public sealed class JobsTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    [Fact]
    public async Task Startup_FreshFolder_RecurringInboxJobInTheSqliteJobStore()
    {
        var database = (await influxd.NewDatabaseAsync()).Database;
        var folder = Path.Combine(Path.GetTempPath(), "peakmonitor-web-" + Guid.NewGuid().ToString("N"));
        await using (var first = new PeakMonitorWebFactory(influxd.Url, database) { IngestionDirectory = folder })
        {
            first.CreateClient().Dispose();
            using var connection = first.Services.GetRequiredService<JobStorage>().GetConnection();

            var inbox = Assert.Single(connection.GetRecurringJobs(), j => j.Id == JobsRegistration.InboxJobId);
            Assert.Equal("*/30 * * * * *", inbox.Cron);
            Assert.NotNull(inbox.NextExecution);
            Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == JobsRegistration.SyntheticJobId);
        }

        // The schedule is in SQLite beside the run history: a second start on the same folder finds it and starts cleanly.
        Assert.True(File.Exists(Path.Combine(folder, "jobs.db")));
        await using var second = new PeakMonitorWebFactory(influxd.Url, database) { IngestionDirectory = folder };
        second.CreateClient().Dispose();
        using var again = second.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Single(again.GetRecurringJobs(), j => j.Id == JobsRegistration.InboxJobId);
    }

    [Fact]
    public async Task InboxJob_TriggeredInTheRunningApp_ImportsTheDroppedFileInAJobOfItsOwn()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database);
        factory.CreateClient().Dispose();
        var inbox = Path.Combine(factory.IngestionDirectory, "inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "wind.csv"), "region,indicator,period,value,unit\n11,cap_wind,2023,1,GW\n");
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "wind.csv"), TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1));

        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(JobsRegistration.InboxJobId);

        var processed = Path.Combine(factory.IngestionDirectory, "processed");
        // Up to a minute: the worker polls the queue, and CI machines run this beside other test hosts.
        for (var i = 0; i < 600 && !(Directory.Exists(processed) && Directory.GetFiles(processed).Length > 0); i++)
        {
            await Task.Delay(100);
        }

        Assert.Single(Directory.GetFiles(processed));
        var runs = await factory.Services.GetRequiredService<RunHistory>().ListAsync(5, CancellationToken.None);
        Assert.Contains(runs, r => r.File == "wind.csv" && r.Status == RunStatus.Succeeded);

        // The scan claimed the file and left its import to a job of its own (which the queue records as it ends).
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        bool Imported() => monitoring.SucceededJobs(0, 10).Any(j => j.Value.Job?.Type == typeof(FileImportJob) && j.Value.Job.Args[1] is string path && path.EndsWith("/wind.csv", StringComparison.Ordinal));
        for (var i = 0; i < 50 && !Imported(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(Imported());
        Assert.Contains(monitoring.SucceededJobs(0, 10), j => j.Value.Job?.Type == typeof(InboxImportJob) && j.Value.Result?.ToString() == "1");
    }

    [Fact]
    public async Task Startup_JobsConnectionStringNotPostgres_FailsNamingTheSetting()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, new Dictionary<string, string?> { ["ConnectionStrings:Jobs"] = "Database=x" });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient().Dispose());

        Assert.Contains("ConnectionStrings:Jobs", ex.ToString(), StringComparison.Ordinal);
    }
}

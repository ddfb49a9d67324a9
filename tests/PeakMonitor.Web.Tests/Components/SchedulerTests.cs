using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;
using Quartz;

namespace PeakMonitor.Web.Tests.Components;

public sealed class SchedulerTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private static async Task<IScheduler> SchedulerAsync(PeakMonitorWebFactory factory) =>
        (await factory.Services.GetRequiredService<ISchedulerFactory>().GetAllSchedulers()).Single(s => s.SchedulerName == "peakmonitor-ingestion");

    [Fact]
    public async Task Startup_FreshFolder_DurableSqliteStoreWithTheInboxJobScheduled()
    {
        var database = (await influxd.NewDatabaseAsync()).Database;
        var folder = Path.Combine(Path.GetTempPath(), "peakmonitor-web-" + Guid.NewGuid().ToString("N"));
        await using (var first = new PeakMonitorWebFactory(influxd.Url, database) { IngestionDirectory = folder })
        {
            first.CreateClient().Dispose();
            var scheduler = await SchedulerAsync(first);

            var trigger = (await scheduler.GetTriggersOfJob(InboxImportJob.Key)).Single();
            Assert.Equal("inbox-cron", trigger.Key.Name);
            Assert.NotNull(trigger.NextFireTimeUtc);
        }

        // The schedule is in SQLite: a second start on the same folder finds it and starts cleanly.
        await using var second = new PeakMonitorWebFactory(influxd.Url, database) { IngestionDirectory = folder };
        second.CreateClient().Dispose();
        Assert.NotNull(await (await SchedulerAsync(second)).GetTrigger(new TriggerKey("inbox-cron", "ingestion")));
        await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "ingestion.db")}");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS";
        Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task InboxJob_TriggeredInTheRunningApp_ImportsTheDroppedFile()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database);
        factory.CreateClient().Dispose();
        var inbox = Path.Combine(factory.IngestionDirectory, "inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "wind.csv"), "region,indicator,period,value,unit\n11,cap_wind,2023,1,GW\n");
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "wind.csv"), TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1));

        await (await SchedulerAsync(factory)).TriggerJob(InboxImportJob.Key);

        var processed = Path.Combine(factory.IngestionDirectory, "processed");
        for (var i = 0; i < 100 && !(Directory.Exists(processed) && Directory.GetFiles(processed).Length > 0); i++)
        {
            await Task.Delay(100);
        }

        Assert.Single(Directory.GetFiles(processed));
        var runs = await factory.Services.GetRequiredService<RunHistory>().ListAsync(5, CancellationToken.None);
        Assert.Contains(runs, r => r.File == "wind.csv" && r.Status == RunStatus.Succeeded);
    }
}

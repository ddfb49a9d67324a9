using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Jobs;

public sealed class InboxImportJobTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private const string Good = "region,indicator,period,value,unit,source\nCN,cap_wind,2020,281.53,GW,NEA\nCN,cap_solar,2020,253.43,GW,NEA\nCN,cap_wind,2023,441.34,GW,NEA\nCN,cap_solar,2023,609.49,GW,NEA\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Drop(IngestionKit kit, string name, string content)
    {
        var path = Path.Combine(kit.Options.Inbox, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task RunOnce_GoodFile_ProcessedRecordedAndKpiResultsRefreshed()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        Drop(kit, "capacity.csv", Good);

        var runs = await kit.Inbox.RunOnceAsync(CancellationToken.None);

        var run = Assert.Single(runs);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Empty(Directory.GetFiles(kit.Options.Inbox));
        Assert.Single(Directory.GetFiles(kit.Options.Processed), f => f.EndsWith("-capacity.csv", StringComparison.Ordinal));
        Assert.Equal(4, await kit.CountAsync());
        // The import refreshed the KPI results before it reported success: a reader gets them without a store query.
        Assert.Equal(1, kit.Kpis.Computations);
        var set = await kit.Kpis.GetAsync(CancellationToken.None);
        Assert.Equal(1, kit.Kpis.Computations);
        Assert.Contains(set.Results, r => r.Value is not null);
        var record = (await kit.History.ListAsync(10, CancellationToken.None)).Single();
        Assert.Equal((InboxImportJob.Name, "capacity.csv", RunStatus.Succeeded, 4L, 4L, 0L), (record.Job, record.File, record.Status, record.RowsRead, record.RowsWritten, record.RowsRejected));
        Assert.Equal(64, record.Sha256!.Length);
        Assert.NotNull(record.Ended);
    }

    [Fact]
    public async Task RunOnce_BadFile_RejectedWithReportAndNothingStored()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        Drop(kit, "bad.csv", Good + "CN,cap_wind,2024,lots,GW,NEA\nXX,cap_wind,2024,1,GW,NEA\n");

        var run = Assert.Single(await kit.Inbox.RunOnceAsync(CancellationToken.None));

        Assert.Equal(RunStatus.Rejected, run.Status);
        var rejected = Assert.Single(Directory.GetFiles(kit.Options.Rejected), f => f.EndsWith("-bad.csv", StringComparison.Ordinal));
        var report = await File.ReadAllTextAsync(rejected + ".errors.txt");
        Assert.Contains("bad.csv, line 6, column 'value', value 'lots'", report, StringComparison.Ordinal);
        Assert.Contains("bad.csv, line 7, column 'region', value 'XX'", report, StringComparison.Ordinal);
        Assert.Equal(0, await kit.CountAsync());
        Assert.Equal(2, (await kit.History.ListAsync(1, CancellationToken.None)).Single().RowsRejected);
    }

    [Fact]
    public async Task RunOnce_StoreDownThroughEveryRetry_FileKeptInFailedWithReason()
    {
        var client = influxd.Client("nowhere", o => o.MaxRetries = 0, new Uri("http://127.0.0.1:9/"));
        var kit = new IngestionKit(client, _dir, writeAttempts: 2);
        Drop(kit, "later.csv", Good);

        var run = Assert.Single(await kit.Inbox.RunOnceAsync(CancellationToken.None));

        Assert.Equal(RunStatus.Failed, run.Status);
        var failed = Assert.Single(Directory.GetFiles(kit.Options.Failed), f => f.EndsWith("-later.csv", StringComparison.Ordinal));
        Assert.Equal(Good, await File.ReadAllTextAsync(failed));
        Assert.Contains("127.0.0.1:9", await File.ReadAllTextAsync(failed + ".error.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportClaimed_RunCutOffByTheProcessEnd_EarlierRunInterruptedAndFileImported()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);

        // A process claimed the file and ended mid-run; the queue hands its job to a worker again.
        var path = kit.Claimed("cut.csv", Good);
        await kit.History.StartAsync(InboxImportJob.Name, "cut.csv", Sha(Good), kit.ClaimOf(path), CancellationToken.None);

        var run = await kit.Files.ImportClaimedAsync(InboxImportJob.Name, path, 0, retryLater: false, null, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, run!.Status);
        var history = await kit.History.ListAsync(10, CancellationToken.None);
        Assert.Equal([RunStatus.Succeeded, RunStatus.Interrupted], history.Select(r => r.Status));
        Assert.Equal(RunHistory.ProcessEndedError, history[1].Error);
        Assert.Single(Directory.GetFiles(kit.Options.Processed, "*-cut.csv"));
        Assert.Empty(Directory.GetFileSystemEntries(kit.Options.Working));
        Assert.Equal(4, await kit.CountAsync());
    }

    private static string Sha(string content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));

    [Fact]
    public async Task ImportClaimed_ProcessEndedTwiceOnTheSameContent_FileMovedToFailedWithExplanation()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = kit.Claimed("killer.csv", Good);
        var claim = kit.ClaimOf(path);
        var first = await kit.History.StartAsync(InboxImportJob.Name, "killer.csv", Sha(Good), claim, CancellationToken.None);
        await kit.History.MarkInterruptedAsync(claim, CancellationToken.None);
        var second = await kit.History.StartAsync(InboxImportJob.Name, "killer.csv", Sha(Good), claim, CancellationToken.None);

        var run = await kit.Files.ImportClaimedAsync(InboxImportJob.Name, path, 0, retryLater: false, null, CancellationToken.None);

        Assert.Equal(RunStatus.Interrupted, run!.Status);
        Assert.Empty(Directory.GetFiles(kit.Options.Inbox));
        Assert.Empty(Directory.GetFileSystemEntries(kit.Options.Working));
        var failed = Assert.Single(Directory.GetFiles(kit.Options.Failed, "*-killer.csv"));
        Assert.Equal(Good, File.ReadAllText(failed));
        var why = File.ReadAllText(failed + ".error.txt");
        Assert.Contains($"The process ended 2 times while importing this file (runs {first}, {second})", why, StringComparison.Ordinal);
        Assert.Contains("move it back into inbox/", why, StringComparison.Ordinal);
        Assert.All(await kit.History.ListAsync(10, CancellationToken.None), r => Assert.Equal((RunStatus.Interrupted, RunHistory.ProcessEndedError), (r.Status, r.Error)));
        Assert.Equal(0, await kit.CountAsync());
    }

    [Fact]
    public async Task ImportClaimed_OrderlyShutdownThenOneProcessEnd_StillImported()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = kit.Claimed("slow.csv", Good);
        var cancelled = await kit.History.StartAsync(InboxImportJob.Name, "slow.csv", Sha(Good), kit.ClaimOf(path), CancellationToken.None);
        await kit.History.FinishAsync(cancelled, RunStatus.Interrupted, 0, 0, 0, "cancelled (shutdown)", Sha(Good), CancellationToken.None);
        await kit.History.StartAsync(InboxImportJob.Name, "slow.csv", Sha(Good), kit.ClaimOf(path), CancellationToken.None);

        var run = await kit.Files.ImportClaimedAsync(InboxImportJob.Name, path, 0, retryLater: false, null, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, run!.Status);
        Assert.Empty(Directory.GetFiles(kit.Options.Failed));
    }

    [Fact]
    public async Task ImportClaimed_UploadCutOffByTheProcessEnd_ImportedAndItsFolderRemoved()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var upload = Path.Combine(kit.Options.Uploads, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(upload);
        var path = Path.Combine(upload, "uploaded.csv");
        File.WriteAllText(path, Good);
        await kit.History.StartAsync("upload", "uploaded.csv", Sha(Good), kit.ClaimOf(path), CancellationToken.None);

        var run = await kit.Files.ImportClaimedAsync("upload", path, 0, retryLater: false, null, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, run!.Status);
        Assert.False(Directory.Exists(upload));
        Assert.Equal(4, await kit.CountAsync());
    }

    [Fact]
    public async Task ImportClaimed_FileAlreadyFiledAway_NothingImported()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);

        var run = await kit.Files.ImportClaimedAsync(InboxImportJob.Name, Path.Combine(kit.Options.Working, "gone", "gone.csv"), 0, retryLater: false, null, CancellationToken.None);

        Assert.Null(run);
        Assert.Equal(0, await kit.History.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ImportClaimed_StoreDownWithRetriesLeft_NextAttemptScheduledAndFileKept()
    {
        var client = influxd.Client("nowhere", o => o.MaxRetries = 0, new Uri("http://127.0.0.1:9/"));
        var kit = new IngestionKit(client, _dir, writeAttempts: 1);
        using var storage = new Hangfire.Storage.SQLite.SQLiteStorage(Path.Combine(_dir.Path, "jobs.db"));
        var files = kit.FilesWith(new Hangfire.BackgroundJobClient(storage));
        var path = kit.Claimed("later.csv", Good);

        string? told = null;
        var run = await files.ImportClaimedAsync(InboxImportJob.Name, path, 0, retryLater: true, null, CancellationToken.None, id => told = id);

        Assert.Equal(RunStatus.Failed, run!.Status);
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(kit.Options.Failed));
        var scheduled = Assert.Single(storage.GetMonitoringApi().ScheduledJobs(0, 10)).Value;
        Assert.Equal(typeof(FileImportJob), scheduled.Job.Type);
        Assert.Equal(path, scheduled.Job.Args[1]);
        Assert.Equal(1, scheduled.Job.Args[2]);
        Assert.InRange(scheduled.EnqueueAt - DateTime.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
        Assert.Equal(storage.GetMonitoringApi().ScheduledJobs(0, 10).Single().Key, told);
    }

    [Fact]
    public async Task ImportClaimed_StoreDownOnTheLastAttempt_FileKeptInFailed()
    {
        var client = influxd.Client("nowhere", o => o.MaxRetries = 0, new Uri("http://127.0.0.1:9/"));
        var kit = new IngestionKit(client, _dir, writeAttempts: 1);
        using var storage = new Hangfire.Storage.SQLite.SQLiteStorage(Path.Combine(_dir.Path, "jobs.db"));
        var path = kit.Claimed("later.csv", Good);

        var run = await kit.FilesWith(new Hangfire.BackgroundJobClient(storage)).ImportClaimedAsync(InboxImportJob.Name, path, kit.Options.RetryDelays().Count, retryLater: true, null, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, run!.Status);
        Assert.Single(Directory.GetFiles(kit.Options.Failed, "*-later.csv"));
        Assert.Empty(storage.GetMonitoringApi().ScheduledJobs(0, 10));
    }

    [Fact]
    public async Task Recovery_FileClaimedBeforeHangfire_BackIntoTheInbox()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        File.WriteAllText(Path.Combine(kit.Options.Working, "old.csv"), Good);
        await kit.History.StartAsync(InboxImportJob.Name, "old.csv", Sha(Good), CancellationToken.None);

        var requeued = await kit.Recovery.RecoverAsync(CancellationToken.None);
        var runs = await kit.Inbox.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, requeued);
        Assert.Equal([RunStatus.Succeeded, RunStatus.Interrupted], (await kit.History.ListAsync(10, CancellationToken.None)).Select(r => r.Status));
        Assert.Equal(RunStatus.Succeeded, Assert.Single(runs).Status);
    }

    [Fact]
    public async Task RunOnce_FileStillBeingWritten_LeftForTheNextRun()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var options = new IngestionOptions { DataDirectory = kit.Options.DataDirectory, InboxSettleTime = TimeSpan.FromMinutes(5) };
        var job = new InboxImportJob(kit.Files, Options.Create(options), TimeProvider.System, NullLogger<InboxImportJob>.Instance);
        Drop(kit, "copying.csv", Good);

        Assert.Empty(await job.RunOnceAsync(CancellationToken.None));
        Assert.Single(Directory.GetFiles(kit.Options.Inbox));
    }

    [Fact]
    public async Task Runner_SameContentTwiceWithSkip_SecondRunSkipped()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = _dir.File("seed.csv", Good);

        var first = await kit.Runner.RunAsync("cli", path, skipIfImported: true, null, CancellationToken.None);
        var second = await kit.Runner.RunAsync("cli", path, skipIfImported: true, null, CancellationToken.None);

        Assert.Equal((RunStatus.Succeeded, RunStatus.Skipped), (first.Status, second.Status));
        Assert.Equal(4, await kit.CountAsync());
    }
}

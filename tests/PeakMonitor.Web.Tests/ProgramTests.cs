using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests;

/// <summary>The app as a process of its own, started, killed and started again as a server's supervisor would.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly TempDirectory _dir = new("peakmonitor-process");

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string?> Environment(IngestionOptions ingestion) => new()
    {
        ["Influx__Managed__DataDirectory"] = Path.Combine(_dir.Path, "influxdb"),
        ["Ingestion__DataDirectory"] = ingestion.DataDirectory,
        ["Ingestion__InboxCron"] = "0/1 * * * * ?",
        ["Ingestion__InboxSettleTime"] = "00:00:00",

        // A job taken by a killed process goes to a worker again this soon (the running worker renews it).
        ["Ingestion__RequeueAfter"] = "00:00:05",
        ["Accounts__DatabasePath"] = Path.Combine(_dir.Path, "accounts.db"),
        ["Accounts__KeysDirectory"] = Path.Combine(_dir.Path, "keys"),
        ["Reports__ArchiveDirectory"] = Path.Combine(_dir.Path, "reports"),
        ["Kpi__ProvincialTargetsFile"] = string.Empty,
    };

    /// <summary>The pid of the managed influxd the app started, from the endpoint file it writes beside its data.</summary>
    private int InfluxdPid()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.Path, "influxdb", "influxd.endpoint.json")));
        return json.RootElement.GetProperty("Pid").GetInt32();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"timed out after {timeout.TotalSeconds:F0} s waiting for {what}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Start_AfterTheProcessEndedTwiceDuringOneImport_FileInFailedAndNoInfluxdLeftBehind()
    {
        var ingestion = new IngestionOptions { DataDirectory = Path.Combine(_dir.Path, "ingestion") };
        ingestion.EnsureFolders();
        DataFiles.CanonicalCsv(Path.Combine(ingestion.Inbox, "big.csv"), 300_000);
        var history = RunHistory.For(ingestion, TimeProvider.System);
        var killed = new List<int>();

        for (var crash = 1; crash <= 2; crash++)
        {
            await using var app = await AppProcess.StartAsync(Environment(ingestion));
            await WaitForAsync(async () => (await history.ListAsync(5, CancellationToken.None)).Any(r => r.File == "big.csv" && r.Status == RunStatus.Running), TimeSpan.FromSeconds(60), $"the import to start (start {crash})");
            var influxd = InfluxdPid();
            await app.KillAsync();
            await WaitForAsync(() => Task.FromResult(AppProcess.IsGone(influxd)), TimeSpan.FromSeconds(10), $"influxd {influxd} to end with its parent");
            killed.Add(influxd);
        }

        await using var third = await AppProcess.StartAsync(Environment(ingestion));
        using var http = third.CreateClient();
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);

        // The queue hands the import job to a worker of the new process, which finds two process ends on this content.
        await WaitForAsync(() => Task.FromResult(File.Exists(Directory.GetFiles(ingestion.Failed, "*-big.csv").FirstOrDefault() + ".error.txt")), TimeSpan.FromSeconds(60), "the file to be given up on");
        var failed = Assert.Single(Directory.GetFiles(ingestion.Failed, "*-big.csv"));
        Assert.Contains("The process ended 2 times while importing this file", await File.ReadAllTextAsync(failed + ".error.txt"), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(ingestion.Inbox));
        Assert.Empty(Directory.GetFileSystemEntries(ingestion.Working));
        var runs = await history.ListAsync(10, CancellationToken.None);
        Assert.Equal([RunStatus.Interrupted, RunStatus.Interrupted], runs.Select(r => r.Status));
        Assert.All(runs, r => Assert.Equal(RunHistory.ProcessEndedError, r.Error));
        Assert.All(killed, pid => Assert.True(AppProcess.IsGone(pid), $"influxd {pid} outlived its parent"));

        var last = InfluxdPid();
        await third.StopAsync();
        Assert.True(AppProcess.IsGone(last), "influxd stops with an orderly stop of the app");
    }
}

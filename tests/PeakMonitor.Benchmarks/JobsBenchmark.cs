using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// Job throughput: 200 small files dropped into the shared inbox at once, each imported by a job of
/// its own, with one and with two app instances on one PostgreSQL (Hangfire, run history) and one
/// influxd; the time from the drop until every run has succeeded.
/// </summary>
internal static class JobsBenchmark
{
    private const int Files = 200;

    public static async Task RunAsync()
    {
        var postgres = new PostgresServerFixture();
        await postgres.InitializeAsync();
        using var influxDir = new TempDirectory("peakmonitor-bench-jobs-influxd");
        await using var influxd = await ManagedInfluxd.StartAsync(new ManagedInfluxdOptions { DataDirectory = influxDir.Path }, NullLogger.Instance, CancellationToken.None);
        try
        {
            Console.WriteLine($"jobs: {Files} small imports (5 rows each) through the inbox; PostgreSQL job store, one influxd");
            foreach (var instances in new[] { 1, 2 })
            {
                var (elapsed, runs) = await OnceAsync(postgres, influxd.Url, instances);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {instances} instance(s): {runs} runs succeeded in {elapsed.TotalSeconds:F1} s = {runs / elapsed.TotalSeconds:F1} imports/s"));
            }
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<(TimeSpan Elapsed, int Runs)> OnceAsync(PostgresServerFixture postgres, Uri influx, int instances)
    {
        using var dir = new TempDirectory("peakmonitor-bench-jobs");
        var jobs = await postgres.NewDatabaseAsync();
        var ingestion = new IngestionOptions { DataDirectory = Path.Combine(dir.Path, "ingestion") };
        ingestion.EnsureFolders();
        var apps = new List<AppProcess>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                apps.Add(await AppProcess.StartAsync(new Dictionary<string, string?>
                {
                    ["ConnectionStrings__Jobs"] = jobs,
                    ["Influx__Url"] = influx.ToString(),
                    ["Influx__Database"] = "bench" + Guid.NewGuid().ToString("N")[..8],
                    ["Ingestion__DataDirectory"] = ingestion.DataDirectory,
                    ["Ingestion__InboxCron"] = "*/2 * * * * *",
                    ["Ingestion__InboxSettleTime"] = "00:00:00",
                    ["Accounts__DatabasePath"] = Path.Combine(dir.Path, $"app{i}", "accounts.db"),
                    ["Accounts__KeysDirectory"] = Path.Combine(dir.Path, $"app{i}", "keys"),
                    ["Reports__ArchiveDirectory"] = Path.Combine(dir.Path, $"app{i}", "reports"),
                    ["Kpi__ProvincialTargetsFile"] = string.Empty,
                }));
            }

            // Written beside the inbox, then moved in: the scan never sees half a file.
            var staging = Path.Combine(dir.Path, "staging");
            Directory.CreateDirectory(staging);
            for (var i = 0; i < Files; i++)
            {
                var sb = new StringBuilder("region,indicator,period,value,unit\n");
                foreach (var region in new[] { "11", "12", "13", "14", "15" })
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{region},cap_wind,{1950 + (i % 150)}-{(i / 150) + 1:D2},{i + 0.5},GW\n");
                }

                await File.WriteAllTextAsync(Path.Combine(staging, $"f{i:D3}.csv"), sb.ToString());
            }

            var clock = Stopwatch.StartNew();
            foreach (var file in Directory.GetFiles(staging))
            {
                File.Move(file, Path.Combine(ingestion.Inbox, Path.GetFileName(file)));
            }

            var history = RunHistory.For(ingestion, TimeProvider.System, jobs);
            while (true)
            {
                var done = (await history.ListAsync(Files + 10, CancellationToken.None)).Count(r => r.Status == RunStatus.Succeeded);
                if (done >= Files)
                {
                    return (clock.Elapsed, done);
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException($"{done} of {Files} imports after 10 minutes");
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }
}

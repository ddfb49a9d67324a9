using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using PeakMonitor.Accounts;
using PeakMonitor.Influx.Http;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;

namespace PeakMonitor.Web.Tests.Jobs;

/// <summary>
/// Two app processes on one PostgreSQL (jobs, schedules, run history) and one influxd, sharing the
/// ingestion folder, as two replicas behind a load balancer would.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private readonly PostgresServerFixture _postgres = new();
    private readonly InfluxServerFixture _influx = new();
    private readonly TempDirectory _dir = new("peakmonitor-replicas");
    private readonly List<AppProcess> _apps = [];
    private string _jobs = string.Empty;
    private InfluxClient _store = null!;

    private string Ingestion => Path.Combine(_dir.Path, "ingestion");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_postgres.InitializeAsync(), _influx.InitializeAsync());
        _jobs = await _postgres.NewDatabaseAsync();
        _store = await _influx.NewDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _influx.DisposeAsync();
        await _postgres.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>Instance <paramref name="name"/>: its own accounts, keys and archive; the shared jobs database, store and ingestion folder.</summary>
    private async Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Jobs"] = _jobs,
            ["Influx__Url"] = _influx.Url.ToString(),
            ["Influx__Database"] = _store.Database,
            ["Ingestion__DataDirectory"] = Ingestion,
            ["Ingestion__InboxCron"] = "*/2 * * * * *",
            ["Ingestion__InboxSettleTime"] = "00:00:00",
            ["Accounts__DatabasePath"] = Path.Combine(_dir.Path, name, "accounts.db"),
            ["Accounts__KeysDirectory"] = Path.Combine(_dir.Path, name, "keys"),
            ["Reports__ArchiveDirectory"] = Path.Combine(_dir.Path, name, "reports"),
            ["Kpi__ProvincialTargetsFile"] = string.Empty,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var app = await AppProcess.StartAsync(environment);
        _apps.Add(app);
        return app;
    }

    private static readonly string[] Regions = ["11", "12", "13", "14", "15"];

    /// <summary>File <paramref name="i"/>: five provinces' wind capacity in year 2000 + i (its own points, so the store tells the files apart).</summary>
    private static string FileContent(int i)
    {
        var sb = new StringBuilder("region,indicator,period,value,unit\n");
        foreach (var region in Regions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{region},cap_wind,{2000 + i},{i + 1}.5,GW\n");
        }

        return sb.ToString();
    }

    private async Task<long> PointsAsync()
    {
        var result = await _store.QueryAsync(new InfluxQuery("SELECT count(\"value\") FROM \"observation\""), CancellationToken.None);
        return result.SelectMany(r => r.Series).SelectMany(s => s.Values).Select(row => row[1] is double d ? (long)d : 0).Sum();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"timed out after {timeout.TotalSeconds:F0} s waiting for {what}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Inbox_TwentyFilesTwoInstancesOnePostgres_EachImportedExactlyOnce()
    {
        await Task.WhenAll(StartAsync("a"), StartAsync("b"));
        var options = new IngestionOptions { DataDirectory = Ingestion };
        options.EnsureFolders();
        for (var i = 0; i < 20; i++)
        {
            var target = Path.Combine(options.Inbox, $"drop-{i:D2}.csv");
            await File.WriteAllTextAsync(target + ".tmp", FileContent(i));
            File.Move(target + ".tmp", target);
        }

        await WaitForAsync(() => Task.FromResult(Directory.GetFiles(options.Processed).Length >= 20), TimeSpan.FromMinutes(3), "20 files processed");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second import of any file would show up now

        var history = RunHistory.For(options, TimeProvider.System, _jobs);
        var runs = (await history.ListAsync(100, CancellationToken.None)).Where(r => r.Job == InboxImportJob.Name).ToArray();
        Assert.Equal(20, runs.Length);
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"drop-{i:D2}.csv"), runs.Select(r => r.File!).Order(StringComparer.Ordinal));
        Assert.Equal(20, Directory.GetFiles(options.Processed).Length);
        Assert.Empty(Directory.GetFiles(options.Inbox));
        Assert.Empty(Directory.GetFileSystemEntries(options.Working));
        Assert.Equal(100, runs.Sum(r => r.RowsWritten));
        Assert.Equal(100, await PointsAsync());

        // Both instances serve the same queue.
        await using var db = new NpgsqlConnection(_jobs);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM hangfire.server", db);
        Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Upload_OnInstanceA_InTheRunHistoryOfInstanceB()
    {
        var admin = (await TestAccounts.CreateUsersAsync(Path.Combine(_dir.Path, "a", "accounts.db"), Roles.Admin, 1))[0];
        var viewer = (await TestAccounts.CreateUsersAsync(Path.Combine(_dir.Path, "b", "accounts.db"), Roles.Viewer, 1))[0];
        var apps = await Task.WhenAll(StartAsync("a"), StartAsync("b"));
        using var onA = apps[0].CreateClient();
        using var onB = apps[1].CreateClient();
        await TestAccounts.SignInAsync(onA, admin.Name, admin.Password);
        await TestAccounts.SignInAsync(onB, viewer.Name, viewer.Password);

        var page = await onA.GetStringAsync(new Uri("/data", UriKind.Relative));
        using var form = new MultipartFormDataContent { { new StringContent(TestAccounts.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(FileContent(7)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "from-a.csv");
        using var started = await onA.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        JsonElement run = default;
        await WaitForAsync(async () =>
        {
            using var runs = JsonDocument.Parse(await onB.GetStringAsync(new Uri("/api/runs", UriKind.Relative)));
            var found = runs.RootElement.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("file").GetString() == "from-a.csv" && r.GetProperty("status").GetString() is "succeeded" or "Succeeded").ToArray();
            if (found.Length == 0)
            {
                return false;
            }

            run = found[0].Clone();
            return true;
        }, TimeSpan.FromMinutes(2), "the upload in B's run history");

        Assert.Equal("upload", run.GetProperty("job").GetString());
        Assert.Equal(5, run.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(5, await PointsAsync());
        Assert.Contains("from-a.csv", await onB.GetStringAsync(new Uri("/data", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OnInstanceA_CookieAcceptedByInstanceBOnOneDatabaseForAccountsAndJobs()
    {
        // As docker-compose.yml runs them: accounts, key ring, Hangfire and the run history in one database.
        var shared = new Dictionary<string, string?> { ["ConnectionStrings__Accounts"] = _jobs };
        var (name, password) = (await TestAccounts.CreateUsersOnServerAsync(_jobs, Roles.Analyst, 1))[0];
        var apps = await Task.WhenAll(StartAsync("a", shared), StartAsync("b", shared));
        // The browser's cookies for the site, as a proxy in front of both instances would pass them on.
        var jar = new CookieContainer();
        using var onA = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = apps[0].Url };
        await TestAccounts.SignInAsync(onA, name, password);
        var cookie = jar.GetCookieHeader(apps[0].Url);
        Assert.Contains("PeakMonitor.Auth=", cookie, StringComparison.Ordinal);

        using var onB = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = apps[1].Url };
        using (var anonymous = await onB.GetAsync(new Uri("/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var page = await onB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(name, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = new NpgsqlConnection(_jobs);
        await db.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT COUNT(*) FROM \"DataProtectionKeys\"", db);
        Assert.True((long)(await keys.ExecuteScalarAsync())! >= 1);
    }

    /// <summary>The process id of the instance whose worker runs an import job now, from Hangfire's processing state (its server id names the process).</summary>
    private async Task<int?> ImportingProcessAsync()
    {
        await using var db = new NpgsqlConnection(_jobs);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT s.data FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%FileImportJob%'", db);
        var data = (string?)(await cmd.ExecuteScalarAsync())?.ToString();
        if (data is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(data);
        var server = json.RootElement.GetProperty("ServerId").GetString()!;
        return _apps.Select(a => a.Id).Cast<int?>().FirstOrDefault(pid => server.Split(':').Contains(pid!.Value.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Inbox_InstanceKilledMidImport_TheOtherFinishesAndTheStoreEqualsTheFile()
    {
        // A job of a killed instance goes to the other's worker 10 s after its last renewal.
        var quick = new Dictionary<string, string?> { ["Ingestion__RequeueAfter"] = "00:00:10" };
        await Task.WhenAll(StartAsync("a", quick), StartAsync("b", quick));
        var options = new IngestionOptions { DataDirectory = Ingestion };
        options.EnsureFolders();
        const int rows = 500_000;
        var big = Shared.DataFiles.CanonicalCsv(Path.Combine(_dir.Path, "big.csv"), rows);
        File.Move(big, Path.Combine(options.Inbox, "big.csv"));

        int? importing = null;
        await WaitForAsync(async () => (importing = await ImportingProcessAsync()) is not null, TimeSpan.FromMinutes(1), "an instance to start importing");
        var victim = _apps.Single(a => a.Id == importing);
        await victim.KillAsync();
        var survivor = _apps.Single(a => a != victim);

        await WaitForAsync(() => Task.FromResult(Directory.GetFiles(options.Processed, "*-big.csv").Length == 1), TimeSpan.FromMinutes(4), "the other instance to finish the import");

        Assert.False(survivor.HasExited);
        var runs = (await RunHistory.For(options, TimeProvider.System, _jobs).ListAsync(10, CancellationToken.None)).Where(r => r.File == "big.csv").ToArray();
        // Exactly one run succeeded. The victim left an interrupted run if it was killed after recording its
        // start; killed between claiming the job and that record, it left none (the job itself is what is taken over).
        Assert.Equal(RunStatus.Succeeded, runs[0].Status);
        Assert.InRange(runs.Length, 1, 2);
        Assert.All(runs.Skip(1), r => Assert.Equal((RunStatus.Interrupted, RunHistory.ProcessEndedError), (r.Status, r.Error)));
        Assert.Equal(rows, runs[0].RowsWritten);
        Assert.Equal(rows, await PointsAsync());
        Assert.Empty(Directory.GetFileSystemEntries(options.Working));
    }
}

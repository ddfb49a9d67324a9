using System.Net;
using PeakMonitor.Accounts;
using PeakMonitor.Influx.Http;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;
using Xunit.Abstractions;

namespace PeakMonitor.Web.Tests.Api;

/// <summary>
/// The app in its own process (so that its peak memory is its own) on a real influxd, an admin signed
/// in, and the hostile workbooks written once.
/// </summary>
public abstract class HostileImportApp : IAsyncLifetime
{
    private readonly InfluxServerFixture _influx = new();
    private readonly TempDirectory _dir = new("peakmonitor-hostile-app");

    public const long MemoryLimit = 500L << 20;

    public AppProcess App { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public InfluxClient Store { get; private set; } = null!;

    public string Ingestion => Path.Combine(_dir.Path, "ingestion");

    public string Files => Path.Combine(_dir.Path, "files");

    /// <summary>Import settings of this app (environment variables), on top of the defaults.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Limits { get; }

    public async Task InitializeAsync()
    {
        await _influx.InitializeAsync();
        Store = await _influx.NewDatabaseAsync();
        Directory.CreateDirectory(Files);
        var accounts = Path.Combine(_dir.Path, "accounts.db");
        var admin = (await TestAccounts.CreateUsersAsync(accounts, Roles.Admin, 1))[0];
        var environment = new Dictionary<string, string?>(Limits)
        {
            ["Influx__Url"] = _influx.Url.ToString(),
            ["Influx__Database"] = Store.Database,
            ["Ingestion__DataDirectory"] = Ingestion,
            ["Ingestion__InboxCron"] = "0/1 * * * * ?",
            ["Ingestion__InboxSettleTime"] = "00:00:00",
            ["Accounts__DatabasePath"] = accounts,
            ["Accounts__KeysDirectory"] = Path.Combine(_dir.Path, "keys"),
            ["Reports__ArchiveDirectory"] = Path.Combine(_dir.Path, "reports"),
            ["Kpi__ProvincialTargetsFile"] = string.Empty,
        };
        App = await AppProcess.StartAsync(environment);
        Admin = App.CreateClient();
        await TestAccounts.SignInAsync(Admin, admin.Name, admin.Password);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await App.DisposeAsync();
        await _influx.DisposeAsync();
        _dir.Dispose();
    }

    public async Task<long> CountAsync()
    {
        var result = await Store.QueryAsync(new InfluxQuery("SELECT count(\"value\") FROM \"observation\""), CancellationToken.None);
        return result.SelectMany(r => r.Series).SelectMany(s => s.Values).Select(row => row[1] is double d ? (long)d : 0).Sum();
    }

    /// <summary>The app is up, answers, and has stayed under the memory limit all along.</summary>
    public async Task AssertHealthyAsync(ITestOutputHelper output, string after)
    {
        Assert.False(App.HasExited, $"the app ended after {after}:\n{App.Output}");
        using var health = await Admin.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var peak = App.PeakMemoryBytes;
        output.WriteLine($"after {after}: peak memory (VmHWM) {peak / (1024d * 1024):F0} MiB, now (VmRSS) {App.MemoryBytes / (1024d * 1024):F0} MiB");
        Assert.True(peak < MemoryLimit, $"peak memory {peak / (1024 * 1024)} MiB after {after}");
    }
}

/// <summary>The size and ratio checks lifted, so that the streaming reader itself meets each hostile sheet.</summary>
public sealed class StreamingLimitsApp : HostileImportApp
{
    protected override IReadOnlyDictionary<string, string?> Limits { get; } = new Dictionary<string, string?>
    {
        ["Ingestion__Import__MaxCompressionRatio"] = "1000000000",
        ["Ingestion__Import__MaxUncompressedBytes"] = "4294967296",
    };
}

/// <summary>The shipped defaults.</summary>
public sealed class DefaultLimitsApp : HostileImportApp
{
    protected override IReadOnlyDictionary<string, string?> Limits { get; } = new Dictionary<string, string?>();
}

public sealed class ImportEndpointsTests(StreamingLimitsApp app, ITestOutputHelper output) : IClassFixture<StreamingLimitsApp>
{
    public static TheoryData<string, string, string> Hostile => new()
    {
        { "nested", "nested-cell.xlsx", "MaxXmlDepth" },
        { "far-column", "far-column.xlsx", "MaxColumns" },
        { "wide-row", "wide-row.xlsx", "MaxCellsPerRow" },
        { "shared-strings", "shared-strings.xlsx", "MaxSharedStrings" },
        { "empty-rows", "empty-rows.xlsx", "MaxRows" },
        { "combined", "combined.xlsx", "MaxSharedStrings" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task StartImport_HostileWorkbookUploadedAndDroppedInTheInbox_RefusedNamingTheLimitAppUpNothingStored(string kind, string file, string limit)
    {
        var path = HostileWorkbooks.Create(kind, app.Files);
        var before = await app.CountAsync();

        var upload = await Uploads.ImportAsync(app.Admin, path);
        var (filed, report) = await Uploads.ThroughInboxAsync(app.Ingestion, path);

        Assert.Equal("rejected", upload.GetProperty("status").GetString());
        var problem = Assert.Single(upload.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.StartsWith($"{file}, line ", problem, StringComparison.Ordinal);
        Assert.Contains($"(Ingestion:Import:{limit}", problem, StringComparison.Ordinal);
        Assert.Contains("/rejected/", filed, StringComparison.Ordinal);
        Assert.Contains(problem, report, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountAsync());
        await app.AssertHealthyAsync(output, file);
    }

    [Fact]
    public async Task StartImport_LargeValidCsv_ImportedWithinTheMemoryLimit()
    {
        var path = DataFiles.CanonicalCsv(Path.Combine(app.Files, "large.csv"), 500_000);
        var before = await app.CountAsync();

        var upload = await Uploads.ImportAsync(app.Admin, path);

        Assert.Equal("succeeded", upload.GetProperty("status").GetString());
        Assert.Equal(500_000, upload.GetProperty("written").GetInt64());
        Assert.Equal(before + 500_000, await app.CountAsync());
        output.WriteLine($"{new FileInfo(path).Length / 1e6:F1} MB, 500,000 rows");
        await app.AssertHealthyAsync(output, "a 500,000-row upload");
    }
}

public sealed class ImportEndpointsDefaultLimitsTests(DefaultLimitsApp app, ITestOutputHelper output) : IClassFixture<DefaultLimitsApp>
{
    [Fact]
    public async Task StartImport_CombinedHostileWorkbookWithDefaultLimits_RefusedByItsCompressionRatioBeforeReading()
    {
        var path = HostileWorkbooks.Combined(app.Files);

        var upload = await Uploads.ImportAsync(app.Admin, path);
        var (_, report) = await Uploads.ThroughInboxAsync(app.Ingestion, path);

        var problem = Assert.Single(upload.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.Contains("combined.xlsx, line 0, column '-': part xl/sharedStrings.xml would expand", problem, StringComparison.Ordinal);
        Assert.Contains("(Ingestion:Import:MaxCompressionRatio)", problem, StringComparison.Ordinal);
        Assert.Contains(problem, report, StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync());
        await app.AssertHealthyAsync(output, "combined.xlsx");
    }
}

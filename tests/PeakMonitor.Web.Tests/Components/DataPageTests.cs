using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed partial class DataPageTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    private static readonly IndicatorId Wind = IndicatorId.Parse("cap_wind");

    private static readonly Dictionary<string, string?> NoCache = new() { ["Dashboard:CacheDuration"] = "00:00:00" };

    [GeneratedRegex("""<dd id="observation-count">([^<]*)</dd>""")]
    private static partial Regex ObservationCountPattern();

    private async Task<(InfluxClient Client, PeakMonitorWebFactory Factory)> AppAsync()
    {
        var client = await influxd.NewDatabaseAsync();
        return (client, new PeakMonitorWebFactory(influxd.Url, client.Database, NoCache));
    }

    private static async Task<IReadOnlyList<Observation>> WindAsync(InfluxClient client) =>
        await new InfluxTimeSeriesStore(client).ReadAsync(new SeriesQuery(Wind, SectorId.All, Period.OfYear(2000), Period.OfYear(2030)), CancellationToken.None);

    /// <summary>The antiforgery token of the page's forms; the client keeps the antiforgery cookie that goes with it.</summary>
    private static async Task<string> TokenAsync(HttpClient http) =>
        PeakMonitorWebFactory.AntiforgeryToken(await http.GetStringAsync(new Uri("/data", UriKind.Relative)));

    private static async Task<(HttpStatusCode Status, string Html)> UploadAsync(HttpClient http, string fileName, string content, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await TokenAsync(http)), "__RequestVerificationToken");
        }

        form.Add(new StringContent("upload"), "_handler");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        using var response = await http.PostAsync(new Uri("/data", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, string Html)> RunJobAsync(HttpClient http, string job)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(http),
            ["_handler"] = "run-job",
            ["Job"] = job,
        });
        using var response = await http.PostAsync(new Uri("/data", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section {id}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public async Task Get_Data_ObservationCountFromStoreAndRunHistory()
    {
        var (client, factory) = await AppAsync();
        await using var _ = factory;
        await new InfluxTimeSeriesStore(client).WriteAsync(
            [
                new Observation(Wind, RegionCode.National, SectorId.All, Period.OfYear(2022), 36544, "NEA"),
                new Observation(Wind, RegionCode.National, SectorId.All, Period.OfYear(2023), 44134, "NEA"),
                new Observation(Wind, RegionCode.Parse("15"), SectorId.All, Period.OfYear(2023), 7000, "NEA"),
            ],
            CancellationToken.None);
        using var http = await factory.CreateSignedInClientAsync();
        var history = factory.Services.GetRequiredService<RunHistory>();
        var run = await history.StartAsync("inbox-import", "wind-2023.csv", new string('a', 64), CancellationToken.None);
        await history.FinishAsync(run, RunStatus.Succeeded, 3, 3, 0, null, null, CancellationToken.None);

        using var response = await http.GetAsync(new Uri("/data", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", ObservationCountPattern().Match(html).Groups[1].Value);
        Assert.Contains(client.Database, Section(html, "store-status"), StringComparison.Ordinal);
        Assert.Contains(influxd.Url.ToString().TrimEnd('/'), Section(html, "store-status"), StringComparison.Ordinal);
        Assert.Contains("<title>数据接入 · 碳达峰监测平台</title>", html, StringComparison.Ordinal);
        var runs = Section(html, "history");
        Assert.Contains("id=\"runs\"", runs, StringComparison.Ordinal);
        Assert.Contains($"data-run=\"{run}\"", runs, StringComparison.Ordinal);
        Assert.Contains("wind-2023.csv", runs, StringComparison.Ordinal);
        Assert.Contains(">aaaaaaaaaaaa</code>", runs, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 13) + "<", runs, StringComparison.Ordinal);
        Assert.Contains("成功", runs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Data_SourcesAndSchedulesFromConfiguration()
    {
        var client = await influxd.NewDatabaseAsync();
        await using var factory = new PeakMonitorWebFactory(influxd.Url, client.Database, new Dictionary<string, string?> { ["Ingestion:InboxCron"] = "0 0/5 * * * ?" });
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/data", UriKind.Relative));

        var sources = Section(html, "sources");
        Assert.Contains("<code id=\"inbox-cron\">0 0/5 * * * ?</code>", sources, StringComparison.Ordinal);
        Assert.Contains($"<code>{Path.GetFullPath(factory.IngestionDirectory)}</code>", sources, StringComparison.Ordinal);
        Assert.Contains("<code id=\"inbox-folder\">inbox/</code>", sources, StringComparison.Ordinal);
        Assert.Contains("0 * * * *", sources, StringComparison.Ordinal);
        Assert.Contains("Hangfire", sources, StringComparison.Ordinal);
        Assert.Contains("SQLite", sources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DataAsViewer_FoldersInsideTheDataFolderAndNoServerPath()
    {
        var (_, factory) = await AppAsync();
        await using var _ = factory;
        using var http = await factory.CreateSignedInClientAsync(PeakMonitor.Accounts.Roles.Viewer);

        var html = await http.GetStringAsync(new Uri("/data", UriKind.Relative));

        Assert.DoesNotContain(factory.IngestionDirectory, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), html, StringComparison.Ordinal);
        var sources = Section(html, "sources");
        Assert.Contains("<code id=\"inbox-folder\">inbox/</code>", sources, StringComparison.Ordinal);
        Assert.Contains("<code>processed/</code> · <code>rejected/</code> · <code>failed/</code>", sources, StringComparison.Ordinal);
        Assert.Contains("服务器路径仅管理员可见", sources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UploadGoodCsv_StoresItsPointsAndShowsTheRun()
    {
        var (client, factory) = await AppAsync();
        await using var _ = factory;
        using var http = await factory.CreateSignedInClientAsync();

        var (status, html) = await UploadAsync(http, "wind.csv", "region,indicator,period,value,unit,source\nCN,cap_wind,2022,36544,10k kW,NEA\n11,cap_wind,2022,25.1,GW,NEA\n");

        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = Section(html, "upload");
        // The outcome box itself in the message: a full section is cut short by Assert.Contains.
        Assert.True(outcome.Contains("data-status=\"succeeded\"", StringComparison.Ordinal), outcome[Math.Max(0, outcome.IndexOf("upload-outcome", StringComparison.Ordinal))..]);
        Assert.Contains("<span data-field=\"written\">2</span>", outcome, StringComparison.Ordinal);
        Assert.Contains("<progress", outcome, StringComparison.Ordinal);
        var stored = await WindAsync(client);
        Assert.Equal(2, stored.Count);
        Assert.Equal(2510, stored.Single(o => o.Region.Value == "11").Value, 6);
        Assert.Contains("wind.csv", Section(html, "history"), StringComparison.Ordinal);
        var runs = await factory.Services.GetRequiredService<RunHistory>().ListAsync(5, CancellationToken.None);
        Assert.Contains(runs, r => r.Job == "upload" && r.File == "wind.csv" && r.Status == RunStatus.Succeeded && r.RowsWritten == 2);
        var uploads = Path.Combine(factory.IngestionDirectory, "uploads");
        Assert.True(!Directory.Exists(uploads) || Directory.GetFileSystemEntries(uploads).Length == 0, "the temporary upload is deleted");
    }

    [Fact]
    public async Task Post_UploadBadCsv_ShowsLineColumnValueAndStoresNothing()
    {
        var (client, factory) = await AppAsync();
        await using var _ = factory;
        using var http = await factory.CreateSignedInClientAsync();

        var (status, html) = await UploadAsync(http, "bad.csv", "region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\nCN,cap_wind,2023,lots,10k kW\n");

        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = Section(html, "upload");
        Assert.Contains("data-status=\"rejected\"", outcome, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-field=\"line\">3</td>", outcome, StringComparison.Ordinal);
        Assert.Contains("<td data-field=\"column\">value</td>", outcome, StringComparison.Ordinal);
        Assert.Contains("<code>lots</code>", outcome, StringComparison.Ordinal);
        Assert.Contains("bad.csv", outcome, StringComparison.Ordinal);
        Assert.Empty(await WindAsync(client));
        var runs = await factory.Services.GetRequiredService<RunHistory>().ListAsync(5, CancellationToken.None);
        Assert.Contains(runs, r => r.File == "bad.csv" && r.Status == RunStatus.Rejected);
    }

    [Theory]
    [InlineData("payload.exe")]
    [InlineData("page.html")]
    [InlineData("data.csv.sh")]
    public async Task Post_UploadOtherFileType_RejectedWithMessageAndNothingStored(string name)
    {
        var (client, factory) = await AppAsync();
        await using var _ = factory;
        using var http = await factory.CreateSignedInClientAsync();

        var (status, html) = await UploadAsync(http, name, "region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("类型不受支持", Section(html, "upload"), StringComparison.Ordinal);
        Assert.Empty(await WindAsync(client));
        Assert.Empty(await factory.Services.GetRequiredService<RunHistory>().ListAsync(5, CancellationToken.None));
    }

    [Theory]
    [InlineData(".hidden.csv")]
    [InlineData("../")]
    public async Task Post_UploadBadFileName_RejectedWithMessageAndNothingStored(string name)
    {
        var (client, factory) = await AppAsync();
        await using var _ = factory;
        using var http = await factory.CreateSignedInClientAsync();

        var (status, html) = await UploadAsync(http, name, "region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("文件名无效", Section(html, "upload"), StringComparison.Ordinal);
        Assert.Empty(await WindAsync(client));
        Assert.Empty(await factory.Services.GetRequiredService<RunHistory>().ListAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task Post_UploadWithoutAntiforgeryToken_400AndNothingStored()
    {
        var (client, factory) = await AppAsync();
        await using var _ = factory;
        using var http = await factory.CreateSignedInClientAsync();

        var (status, html) = await UploadAsync(http, "wind.csv", "region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\n", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.Empty(await WindAsync(client));
    }

    [Fact]
    public async Task Endpoint_DataPage_AllowsUploadsOverTwoHundredMegabytes()
    {
        // A 200 MB upload in a unit test is too slow; the page's own limits must still lift Kestrel's 30 MB default.
        var (_, factory) = await AppAsync();
        await using var __ = factory;
        var endpoint = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/data");

        Assert.True(endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize > 200L * 1024 * 1024);
        Assert.True(endpoint.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit > 200L * 1024 * 1024);
    }

    /// <summary>The run history once <paramref name="done"/> holds (the job runs in the background, on any worker).</summary>
    private static async Task<IReadOnlyList<RunRecord>> RunsAsync(PeakMonitorWebFactory factory, Func<IReadOnlyList<RunRecord>, bool> done)
    {
        var history = factory.Services.GetRequiredService<RunHistory>();
        for (var i = 0; i < 300; i++)
        {
            var runs = await history.ListAsync(5, CancellationToken.None);
            if (done(runs))
            {
                return runs;
            }

            await Task.Delay(100);
        }

        return await history.ListAsync(5, CancellationToken.None);
    }

    [Fact]
    public async Task Post_RunInboxJob_QueuedThenTheSettledFileImported()
    {
        var (client, factory) = await AppAsync();
        await using var _ = factory;
        using var http = await factory.CreateSignedInClientAsync();
        var inbox = Path.Combine(factory.IngestionDirectory, "inbox");
        Directory.CreateDirectory(inbox);
        var file = Path.Combine(inbox, "inbox-wind.csv");
        await File.WriteAllTextAsync(file, "region,indicator,period,value,unit\n11,cap_wind,2023,1,GW\n");
        File.SetLastWriteTimeUtc(file, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1));

        var (status, html) = await RunJobAsync(http, "inbox");

        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = Section(html, "jobs");
        Assert.Contains("data-job=\"inbox\"", outcome, StringComparison.Ordinal);
        Assert.Contains("收件箱导入已加入队列", outcome, StringComparison.Ordinal);
        var runs = await RunsAsync(factory, r => r.Any(x => x.File == "inbox-wind.csv" && x.Status == RunStatus.Succeeded));
        Assert.Contains(runs, r => r.File == "inbox-wind.csv" && r.Status == RunStatus.Succeeded && r.Job == InboxImportJob.Name);
        Assert.Single(await WindAsync(client));
        Assert.Single(Directory.GetFiles(Path.Combine(factory.IngestionDirectory, "processed")));
        Assert.Contains("inbox-wind.csv", Section(await http.GetStringAsync(new Uri("/data", UriKind.Relative)), "history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RunSyntheticJob_QueuedThenTheMonthWrittenAndRecorded()
    {
        var (_, factory) = await AppAsync();
        await using var __ = factory;
        using var http = await factory.CreateSignedInClientAsync();

        var (status, html) = await RunJobAsync(http, "synthetic");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-job=\"synthetic\"", Section(html, "jobs"), StringComparison.Ordinal);
        Assert.Contains("合成数据源已加入队列", Section(html, "jobs"), StringComparison.Ordinal);
        var run = (await RunsAsync(factory, r => r.Any(x => x.Status == RunStatus.Succeeded))).Single();
        Assert.Equal(SyntheticFeedJob.Name, run.Job);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.True(run.RowsWritten > 0);
        var page = await http.GetStringAsync(new Uri("/data", UriKind.Relative));
        var count = ObservationCountPattern().Match(page).Groups[1].Value;
        Assert.Equal(run.RowsWritten, long.Parse(count, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public async Task Post_RunUnknownJob_400NothingRun()
    {
        var (_, factory) = await AppAsync();
        await using var __ = factory;
        using var http = await factory.CreateSignedInClientAsync();

        var (status, html) = await RunJobAsync(http, "<script>alert(1)</script>");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("未知任务", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Empty(await factory.Services.GetRequiredService<RunHistory>().ListAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task Get_Data_StoreDown_503WithMessageAndNoStackTrace()
    {
        var server = new InfluxServerFixture();
        await server.InitializeAsync();
        try
        {
            var database = (await server.NewDatabaseAsync()).Database;
            var url = server.Url;
            await using var factory = new PeakMonitorWebFactory(url, database, NoCache);
            using var http = await factory.CreateSignedInClientAsync();
            await server.StopAsync();

            using var response = await http.GetAsync(new Uri("/data", UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("数据存储暂不可用", html, StringComparison.Ordinal);
            Assert.Contains(url.Authority, Section(html, "store-status"), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.Contains("id=\"runs\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Accounts;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Security;

/// <summary>One user, one token or one address cannot take the service from the others: 429 with Retry-After.</summary>
public sealed class RateLimitsTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    private static async Task<string> TokenAsync(PeakMonitorWebFactory factory, string user, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user, name, user, CancellationToken.None)).Secret;
    }

    private static HttpClient Bearer(PeakMonitorWebFactory factory, string token)
    {
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static int RetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = Assert.Single(response.Headers.GetValues("Retry-After"));
        return int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task GetKpis_200ConcurrentReadsByOneToken_ExcessRefusedWithRetryAfterAndOthersServed()
    {
        await using var factory = seeded.Factory();
        var (name, _) = await factory.AddUserAsync(Roles.Viewer);
        using var api = Bearer(factory, await TokenAsync(factory, name, "greedy"));
        using var other = await factory.CreateSignedInClientAsync(Roles.Viewer);

        var reads = Enumerable.Range(0, 200).Select(_ => api.GetAsync(new Uri("/api/kpis?pageSize=5000", UriKind.Relative))).ToArray();
        using var page = await other.GetAsync(new Uri("/", UriKind.Relative));
        using var otherApi = await other.GetAsync(new Uri("/api/kpis?region=CN", UriKind.Relative));
        var responses = await Task.WhenAll(reads);

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToArray();
        Assert.True(refused.Length >= 100, $"{refused.Length} of 200 refused");
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(refused, r => Assert.InRange(RetryAfter(r), 1, 60));
        using var problem = JsonDocument.Parse(await refused[0].Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("try again in", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherApi.StatusCode);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task GetApi_OverTheRatePerMinute_RefusedUntilTheBucketRefillsButAnotherTokenHasItsOwn()
    {
        await using var factory = seeded.Factory(new Dictionary<string, string?> { ["RateLimits:ApiRequestsPerMinute"] = "5" });
        var (name, _) = await factory.AddUserAsync(Roles.Viewer);
        using var first = Bearer(factory, await TokenAsync(factory, name, "first"));
        using var second = Bearer(factory, await TokenAsync(factory, name, "second"));

        for (var i = 0; i < 5; i++)
        {
            using var ok = await first.GetAsync(new Uri("/api/catalog", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var sixth = await first.GetAsync(new Uri("/api/catalog", UriKind.Relative));
        using var other = await second.GetAsync(new Uri("/api/catalog", UriKind.Relative));

        Assert.InRange(RetryAfter(sixth), 1, 12);
        Assert.Equal("no-store", sixth.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PostLogin_OverTheAttemptsPerMinuteFromOneAddress_RefusedWith429AndRetryAfter()
    {
        await using var factory = seeded.Factory(new Dictionary<string, string?> { ["RateLimits:SignInAttemptsPerMinute"] = "3" });
        var (name, password) = await factory.AddUserAsync(Roles.Viewer);
        using var http = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await PeakMonitorWebFactory.SignInAsync(http, name, "Wrong-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var refused = await PeakMonitorWebFactory.SignInAsync(http, name, password);
        using var form = await http.GetAsync(new Uri("/login", UriKind.Relative));

        Assert.InRange(RetryAfter(refused), 1, 20);
        Assert.Contains("登录尝试过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task StartImport_OverTheUploadsPerHour_Refused()
    {
        await using var factory = seeded.Factory(new Dictionary<string, string?> { ["RateLimits:UploadsPerHour"] = "2" });
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);
        var path = Path.Combine(factory.IngestionDirectory, "one.csv");
        Directory.CreateDirectory(factory.IngestionDirectory);
        await File.WriteAllTextAsync(path, "region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\n");

        using var first = await Uploads.PostAsync(admin, path);
        using var second = await Uploads.PostAsync(admin, path);
        using var third = await Uploads.PostAsync(admin, path);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.InRange(RetryAfter(third), 60, 1800);
    }

    [Fact]
    public async Task StartReports_200RequestsFromOneAnalyst_OnlyTheCapQueuedTheRestRefusedAndOthersStillQueue()
    {
        // No job server in this instance: the generations stay queued, however fast one would run, so the cap is what is counted.
        await using var factory = seeded.Factory(new Dictionary<string, string?> { ["RateLimits:ReportRequestsPerHour"] = "1000", ["Ingestion:SchedulerEnabled"] = "false" });
        using var analyst = await factory.CreateSignedInClientAsync(Roles.Analyst);
        using var colleague = await factory.CreateSignedInClientAsync(Roles.Analyst);
        var token = PeakMonitorWebFactory.AntiforgeryToken(await analyst.GetStringAsync(new Uri("/reports", UriKind.Relative)));
        var colleagueToken = PeakMonitorWebFactory.AntiforgeryToken(await colleague.GetStringAsync(new Uri("/reports", UriKind.Relative)));
        FormUrlEncodedContent Form(string t) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = t, ["year"] = "2024", ["scope"] = "CN", ["lang"] = "zh" });

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 200; i++)
        {
            responses.Add(await analyst.PostAsync(new Uri("/api/reports", UriKind.Relative), Form(token)));
        }

        using var theirs = await colleague.PostAsync(new Uri("/api/reports", UriKind.Relative), Form(colleagueToken));

        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToArray();
        Assert.Equal(3, accepted.Length);
        Assert.All(responses.Except(accepted), r => Assert.True(RetryAfter(r) >= 1));
        Assert.Contains("report generations queued or running already", await responses[^1].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, theirs.StatusCode);
        var audit = await factory.Services.GetRequiredService<AuditLog>().ListAsync(AuditActions.ReportGenerate, null, null, 500, CancellationToken.None);
        Assert.Equal(197, audit.Count(e => e.Result.StartsWith("refused: 3 generations", StringComparison.Ordinal)));

        using var status = JsonDocument.Parse(await analyst.GetStringAsync(accepted[0].Headers.Location));
        Assert.Equal("running", status.RootElement.GetProperty("status").GetString());

        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}

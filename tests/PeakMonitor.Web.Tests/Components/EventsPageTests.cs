using System.Net;
using PeakMonitor.Accounts;
using PeakMonitor.Ingestion.Events;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

/// <summary>/admin/events: admins add and delete policy events in the events file; the file's own reader checks every field.</summary>
public sealed class EventsPageTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(PeakMonitorWebFactory Factory, string File)> FactoryAsync()
    {
        var file = _dir.File("events.csv", await System.IO.File.ReadAllTextAsync(Path.Combine(Repository.Root, "seed-data", "events", "events.csv")));
        var database = (await influxd.NewDatabaseAsync()).Database;
        return (new PeakMonitorWebFactory(influxd.Url, database, new Dictionary<string, string?> { ["Events:File"] = file }), file);
    }

    private static Dictionary<string, string> Fields(string date, string source = "https://example.org/notice") => new()
    {
        ["New.Date"] = date,
        ["New.TitleZh"] = "测试节点",
        ["New.TitleEn"] = "Test event",
        ["New.Kind"] = "rule",
        ["New.Source"] = source,
        ["New.Document"] = "测试〔2025〕1号",
        ["New.Note"] = "test",
    };

    [Fact]
    public async Task Post_AddEvent_WrittenToTheFileKeepingTheOthersAndAudited()
    {
        var (factory, file) = await FactoryAsync();
        await using var disposeFactory = factory;
        var before = await PolicyEventsReader.ReadFileAsync(file, CancellationToken.None);
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);

        using var response = await PeakMonitorWebFactory.SubmitFormAsync(admin, "/admin/events", "add-event", Fields("2025-03-05"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await PolicyEventsReader.ReadFileAsync(file, CancellationToken.None);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after, e => e.DateText == "2025-03-05" && e.TitleZh == "测试节点" && e.Document == "测试〔2025〕1号");
        Assert.Equal(before.Select(e => (e.DateText, e.TitleZh, e.Note)), after.Where(e => e.TitleZh != "测试节点").Select(e => (e.DateText, e.TitleZh, e.Note)));
        var audit = await admin.GetStringAsync(new Uri("/admin/audit?action=event-add", UriKind.Relative));
        Assert.Contains("2025-03-05", audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-13-01", "https://example.org/notice", "date")]
    [InlineData("2025-03-05", "javascript:alert(1)", "source")]
    [InlineData("<script>alert(1)</script>", "https://example.org/notice", "date")]
    public async Task Post_BadEvent_400NamingTheFieldFileUnchanged(string date, string source, string field)
    {
        var (factory, file) = await FactoryAsync();
        await using var disposeFactory = factory;
        var before = await System.IO.File.ReadAllTextAsync(file);
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);

        using var response = await PeakMonitorWebFactory.SubmitFormAsync(admin, "/admin/events", "add-event", Fields(date, source));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"{field}: ", html[html.IndexOf("id=\"events-message\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(before, await System.IO.File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Post_DeleteFirstEvent_RemovedFromTheFile()
    {
        var (factory, file) = await FactoryAsync();
        await using var disposeFactory = factory;
        var before = await PolicyEventsReader.ReadFileAsync(file, CancellationToken.None);
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);

        using var response = await PeakMonitorWebFactory.SubmitFormAsync(admin, "/admin/events", "event-0", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await PolicyEventsReader.ReadFileAsync(file, CancellationToken.None);
        Assert.Equal(before.Skip(1).Select(e => e.DateText), after.Select(e => e.DateText));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Analyst)]
    public async Task Post_NotAdmin_RefusedFileUnchanged(string role)
    {
        var (factory, file) = await FactoryAsync();
        await using var disposeFactory = factory;
        var before = await System.IO.File.ReadAllTextAsync(file);
        using var http = await factory.CreateSignedInClientAsync(role);

        using var page = await http.GetAsync(new Uri("/admin/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(before, await System.IO.File.ReadAllTextAsync(file));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Accounts;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Security;

/// <summary>User management and the audit log, as an admin uses them in the browser's place.</summary>
public sealed partial class AdminPagesTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    [GeneratedRegex("""<pre id="issued-password">([^<]+)</pre>""")]
    private static partial Regex IssuedPattern();

    private async Task<PeakMonitorWebFactory> FactoryAsync(string? folder = null)
    {
        var client = await influxd.NewDatabaseAsync();
        return folder is null ? new PeakMonitorWebFactory(influxd.Url, client.Database) : new PeakMonitorWebFactory(influxd.Url, client.Database) { IngestionDirectory = folder };
    }

    private static Task<HttpResponseMessage> PostUsersAsync(HttpClient http, Dictionary<string, string> fields, bool withToken = true)
    {
        var handler = fields["_handler"];
        fields.Remove("_handler");
        return PeakMonitorWebFactory.SubmitFormAsync(http, "/admin/users", handler, fields, withToken);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    [InlineData("%3Cscript%3E")]
    public async Task Get_AuditWithBadBefore_400WithMessageAndTheNewestEntries(string before)
    {
        await using var factory = await FactoryAsync();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);

        using var response = await admin.GetAsync(new Uri("/admin/audit?before=" + before, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"audit-bad-before\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-action=\"sign-in\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>登录</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_Form_ShowsOneTimePasswordThatSignsIn()
    {
        await using var factory = await FactoryAsync();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);

        using var response = await PostUsersAsync(admin, new() { ["_handler"] = "add-user", ["NewUser.Name"] = "li.wei", ["NewUser.Role"] = Roles.Analyst });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = WebUtility.HtmlDecode(IssuedPattern().Match(html).Groups[1].Value);
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", password);
        Assert.Contains("data-user=\"li.wei\"", html, StringComparison.Ordinal);
        using var fresh = factory.CreateClient();
        using var signIn = await PeakMonitorWebFactory.SignInAsync(fresh, "li.wei", password);
        Assert.Contains("id=\"must-change\"", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await factory.Services.GetRequiredService<AuditLog>().ListAsync(AuditActions.UserAdd, null, null, 10, CancellationToken.None);
        Assert.Contains(audit, e => e.Target == "li.wei" && e.Result == "ok: role analyst" && e.Actor.StartsWith("admin-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddUser_WithoutAntiforgeryToken_400AndNoUser()
    {
        await using var factory = await FactoryAsync();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);

        using var response = await PostUsersAsync(admin, new() { ["_handler"] = "add-user", ["NewUser.Name"] = "csrf.victim", ["NewUser.Role"] = Roles.Admin }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var users = await factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(CancellationToken.None);
        Assert.DoesNotContain(users, u => u.Name == "csrf.victim");
    }

    [Fact]
    public async Task DeleteOrDemote_LastAdmin_RefusedWithMessage()
    {
        await using var factory = await FactoryAsync();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);
        var (viewer, _) = await factory.AddUserAsync(Roles.Viewer);
        var name = (await factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(CancellationToken.None)).Single(u => u.Role == Roles.Admin).Name;

        using var demote = await PostUsersAsync(admin, new() { ["_handler"] = "user-" + name, ["Act.Role"] = Roles.Viewer, ["Act.Action"] = "role" });
        using var promote = await PostUsersAsync(admin, new() { ["_handler"] = "user-" + viewer, ["Act.Role"] = Roles.Analyst, ["Act.Action"] = "role" });
        using var self = await PostUsersAsync(admin, new() { ["_handler"] = "user-" + name, ["Act.Action"] = "delete" });

        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("only admin", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var users = await factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(CancellationToken.None);
        Assert.Equal(Roles.Admin, users.Single(u => u.Name == name).Role);
        Assert.Equal(Roles.Analyst, users.Single(u => u.Name == viewer).Role);
    }

    [Fact]
    public async Task AuditLog_UploadAndJob_WhoWhatResultShownToAdminsAndKeptAcrossRestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "peakmonitor-audit-" + Guid.NewGuid().ToString("N"));
        string adminName;
        await using (var factory = await FactoryAsync(folder))
        {
            using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);
            adminName = (await factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(CancellationToken.None)).Single().Name;
            var page = await admin.GetStringAsync(new Uri("/data", UriKind.Relative));
            using var form = new MultipartFormDataContent
            {
                { new StringContent(PeakMonitorWebFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
            };
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "wind.csv");
            using var started = await admin.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var status = started.Headers.Location!;
            for (var i = 0; i < 100 && !(await admin.GetStringAsync(status)).Contains("\"phase\":\"done\"", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }

            using var job = await admin.PostAsync(new Uri("/data", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = PeakMonitorWebFactory.AntiforgeryToken(page),
                ["_handler"] = "run-job",
                ["Job"] = "inbox",
            }));
            Assert.Equal(HttpStatusCode.OK, job.StatusCode);
            var log = factory.Services.GetRequiredService<AuditLog>();
            for (var i = 0; i < 50 && (await log.ListAsync(AuditActions.Upload, null, null, 10, CancellationToken.None)).Count < 2; i++)
            {
                await Task.Delay(100);
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var restarted = await FactoryAsync(folder);
        using var http = await restarted.CreateSignedInClientAsync(Roles.Admin);
        var html = await http.GetStringAsync(new Uri($"/admin/audit?actor={adminName}", UriKind.Relative));
        var uploads = await http.GetStringAsync(new Uri("/admin/audit?action=upload", UriKind.Relative));

        Assert.Contains("<tr data-action=\"sign-in\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-action=\"job-start\">", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"muted small\" data-code=\"detail\">queued as job \\w+</span>", html);
        Assert.Matches("data-code=\"target\">wind.csv</td>\\s*<td>[^<]*<span class=\"muted small\" data-code=\"detail\">\\d+ bytes, import \\w+</span>", uploads);
        Assert.Matches("data-code=\"target\">wind.csv</td>\\s*<td>[^<]*<span class=\"muted small\" data-code=\"detail\">import \\w+, run \\d+, 1 points</span>", uploads);
        Assert.DoesNotContain("<tr data-action=\"job-start\">", uploads, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Oversize_413AndNothingSaved()
    {
        await using var factory = await FactoryAsync();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);
        var page = await admin.GetStringAsync(new Uri("/data", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PeakMonitorWebFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        // A stream that claims more than the cap: the server refuses on the declared length, before reading it.
        var file = new StreamContent(new ZeroStream(ImportEndpoints.MaxUploadBytes + (2 * 1024 * 1024)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "huge.csv");

        using var response = await admin.PostAsync(new Uri("/api/imports", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var uploads = Path.Combine(factory.IngestionDirectory, "uploads");
        Assert.True(!Directory.Exists(uploads) || Directory.GetFiles(uploads, "*", SearchOption.AllDirectories).Length == 0);
    }

    [Theory]
    [InlineData("../../../escape.csv")]
    [InlineData("..\\..\\escape.csv")]
    public async Task Upload_TraversalInFileName_StoredUnderGeneratedFolderOnly(string name)
    {
        await using var factory = await FactoryAsync();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);
        var page = await admin.GetStringAsync(new Uri("/data", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PeakMonitorWebFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);

        using var response = await admin.PostAsync(new Uri("/api/imports", UriKind.Relative), form);

        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.False(File.Exists(Path.Combine(factory.IngestionDirectory, "escape.csv")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(factory.IngestionDirectory)!, "escape.csv")));
        Assert.Empty(Directory.GetFiles(factory.IngestionDirectory, "escape.csv", SearchOption.TopDirectoryOnly));
    }

    [Theory]
    [InlineData("script.js")]
    [InlineData("wind.csv.exe")]
    [InlineData("noextension")]
    public async Task Upload_OtherFileType_415AndNothingSaved(string name)
    {
        await using var factory = await FactoryAsync();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);
        var page = await admin.GetStringAsync(new Uri("/data", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PeakMonitorWebFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("region,indicator,period,value,unit\nCN,cap_wind,2022,36544,10k kW\n")), "file", name);

        using var response = await admin.PostAsync(new Uri("/api/imports", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(".csv, .txt, .xlsx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var uploads = Path.Combine(factory.IngestionDirectory, "uploads");
        Assert.True(!Directory.Exists(uploads) || Directory.GetFiles(uploads, "*", SearchOption.AllDirectories).Length == 0);
        Assert.Contains(await factory.Services.GetRequiredService<AuditLog>().ListAsync(AuditActions.Upload, null, null, 5, CancellationToken.None), e => e.Result == "refused: file type");
    }

    /// <summary>Zeros, lazily: a large body without holding it in memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

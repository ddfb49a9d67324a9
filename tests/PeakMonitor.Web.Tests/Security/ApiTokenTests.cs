using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Accounts;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Security;

/// <summary>Per-user read-only API tokens, created on the account page: read the API, change nothing, stop when revoked.</summary>
public sealed partial class ApiTokenTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [GeneratedRegex("""<pre id="new-token">(pmt_[A-Za-z0-9_-]+)</pre>""")]
    private static partial Regex NewTokenPattern();

    private static async Task<string> CreateTokenAsync(HttpClient http, string name)
    {
        using var response = await PeakMonitorWebFactory.SubmitFormAsync(http, "/account", "create-token", new Dictionary<string, string> { ["TokenName"] = name });
        var match = NewTokenPattern().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the new token is shown once");
        return match.Groups[1].Value;
    }

    private static HttpClient Bearer(PeakMonitorWebFactory factory, string token)
    {
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task Token_ReadsTheApi_ButNothingElse()
    {
        await using var factory = seeded.Factory();
        using var admin = await factory.CreateSignedInClientAsync(Roles.Admin);
        var token = await CreateTokenAsync(admin, "nightly export");
        using var api = Bearer(factory, token);

        using var kpis = await api.GetAsync(new Uri("/api/kpis?region=CN&kpi=nonfossil_share", UriKind.Relative));
        using var openapi = await api.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var page = await api.GetAsync(new Uri("/", UriKind.Relative));
        using var export = await api.GetAsync(new Uri("/explore/export.csv?ind=cap_wind&region=CN", UriKind.Relative));
        using var upload = await api.PostAsync(new Uri("/api/imports", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var report = await api.PostAsync(new Uri("/api/reports", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = "2024", ["scope"] = "CN" }));
        using var imports = await api.GetAsync(new Uri("/api/imports/0123456789abcdef", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, kpis.StatusCode);
        Assert.Contains("nonfossil_share", await kpis.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, openapi.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
        // An admin's token is still only a viewer's: admin-only reads are refused too.
        Assert.Equal(HttpStatusCode.Forbidden, imports.StatusCode);
    }

    [Fact]
    public async Task Token_StoredOnlyAsHash()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);
        var token = await CreateTokenAsync(viewer, "script");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(factory.IngestionDirectory, "accounts.db"));
        var wal = Path.Combine(factory.IngestionDirectory, "accounts.db-wal");
        var all = File.Exists(wal) ? bytes.Concat(await File.ReadAllBytesAsync(wal)).ToArray() : bytes;
        var text = System.Text.Encoding.ASCII.GetString(all);

        Assert.DoesNotContain(token[4..], text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), text, StringComparison.Ordinal);
        var page = await viewer.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.DoesNotContain(token, page, StringComparison.Ordinal);
        Assert.Contains(token[..8] + "…", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_Revoked_401AndAudited()
    {
        await using var factory = seeded.Factory();
        using var viewer = await factory.CreateSignedInClientAsync(Roles.Viewer);
        var token = await CreateTokenAsync(viewer, "to revoke");
        using var api = Bearer(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/catalog", UriKind.Relative))).StatusCode);
        var page = await viewer.GetStringAsync(new Uri("/account", UriKind.Relative));
        var id = Regex.Match(page, "data-revoke=\"(\\d+)\"").Groups[1].Value;

        using var revoke = await PeakMonitorWebFactory.SubmitFormAsync(viewer, "/account", "revoke-token-" + id, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/catalog", UriKind.Relative))).StatusCode);
        var audit = await factory.Services.GetRequiredService<AuditLog>().ListAsync(null, null, null, 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == AuditActions.TokenCreate && e.Target.EndsWith(" to revoke", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditActions.TokenRevoke && e.Result == "ok");
    }

    [Fact]
    public async Task Revoke_SomeoneElsesToken_RefusedAndTokenStillWorks()
    {
        await using var factory = seeded.Factory();
        using var owner = await factory.CreateSignedInClientAsync(Roles.Viewer);
        using var other = await factory.CreateSignedInClientAsync(Roles.Viewer);
        var token = await CreateTokenAsync(owner, "mine");
        var ownerPage = await owner.GetStringAsync(new Uri("/account", UriKind.Relative));
        var id = Regex.Match(ownerPage, "data-revoke=\"(\\d+)\"").Groups[1].Value;
        await CreateTokenAsync(other, "theirs");

        // The other user's page has no form for the owner's token: the post names a form that does not exist.
        using var revoke = await PeakMonitorWebFactory.SubmitFormAsync(other, "/account", "revoke-token-" + id, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, revoke.StatusCode);
        using var api = Bearer(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/catalog", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Token_UserLockedOutByFailedSignIns_StillReadsTheApi()
    {
        await using var factory = seeded.Factory();
        var (name, password) = await factory.AddUserAsync(Roles.Viewer);
        using var viewer = factory.CreateClient();
        (await PeakMonitorWebFactory.SignInAsync(viewer, name, password)).Dispose();
        using var api = Bearer(factory, await CreateTokenAsync(viewer, "integration"));

        // Anyone who knows the user name can do this.
        using var stranger = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await PeakMonitorWebFactory.SignInAsync(stranger, name, "Guessing-wrong-" + i)).Dispose();
        }

        using var signIn = await PeakMonitorWebFactory.SignInAsync(factory.CreateClient(), name, password);
        using var read = await api.GetAsync(new Uri("/api/catalog", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("pmt_")]
    [InlineData("pmt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("pmt_' OR 1=1 --AAAAAAAAAAAAAAAAAAAA")]
    public async Task Token_Forged_401(string token)
    {
        await using var factory = seeded.Factory();
        using var api = Bearer(factory, token);

        using var response = await api.GetAsync(new Uri("/api/kpis", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}

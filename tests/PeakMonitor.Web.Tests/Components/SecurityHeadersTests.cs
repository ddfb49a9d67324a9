using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class SecurityHeadersTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/provinces")]
    [InlineData("/api/catalog")]
    [InlineData("/healthz")]
    public async Task Get_AnyRoute_CspOnlyOwnScriptsNoFramingNoSniffing(string path)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/api/catalog")]
    [InlineData("/api/kpis?region=CN")]
    [InlineData("/api/runs")]
    [InlineData("/api/kpis?year=abc")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/explore/export.csv?ind=energy_total&region=CN")]
    [InlineData("/explore/export.xlsx?ind=energy_total&region=CN")]
    public async Task Get_ApiAnswersAndDownloads_NoStore(string path)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Get_ArchivedReport_NoStore()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(PeakMonitor.Accounts.Roles.Viewer);
        var archive = Path.Combine(factory.IngestionDirectory, "reports");
        Directory.CreateDirectory(archive);
        await File.WriteAllTextAsync(Path.Combine(archive, "r.html"), "<p>report</p>");
        await File.WriteAllTextAsync(Path.Combine(archive, "archive.json"), """[{"File":"r.html","Year":2024,"Region":"CN","Language":"zh","Format":"html","Bytes":13,"Sha256":"x","GeneratedAt":"2026-01-01T00:00:00+00:00","DataUpdatedAt":null}]""");

        using var response = await http.GetAsync(new Uri("/reports/files/r.html", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Get_Pages_NoInlineExecutableScript()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        foreach (var path in new[] { "/", "/provinces", "/provinces/44", "/sectors", "/explore", "/methodology", "/data", "/reports", "/account", "/admin/users", "/admin/audit" })
        {
            var html = await http.GetStringAsync(new Uri(path, UriKind.Relative));
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attrs>[^>]*)>");
            Assert.All(scripts, m => Assert.True(m.Groups["attrs"].Value.Contains("src=", StringComparison.Ordinal) || m.Groups["attrs"].Value.Contains("application/json", StringComparison.Ordinal), $"{path}: {m.Value}"));
        }
    }
}

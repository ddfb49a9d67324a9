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

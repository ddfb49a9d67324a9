using System.Net;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components.Shared;

/// <summary>
/// Pages that read the store stream their content to blazor.web.js (a placeholder at once, the content
/// when the store answers) and send the whole page to anything else. Each test starts its own app, so the
/// page's first read goes to influxd and is really pending when the response starts.
/// </summary>
public sealed class LoadedTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    private static HttpRequestMessage Get(string path, bool enhanced)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (enhanced)
        {
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        }

        return request;
    }

    [Theory]
    [InlineData("/", "id=\"card-nonfossil_share-main\"")]
    [InlineData("/provinces", "id=\"ranking\"")]
    [InlineData("/provinces/44", "id=\"scorecard\"")]
    [InlineData("/sectors?region=44", "id=\"table-")]
    public async Task Get_EnhancedNavigation_PlaceholderFirstThenStreamedContent(string path, string content)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(PeakMonitor.Accounts.Roles.Viewer);

        using var response = await http.SendAsync(Get(path, enhanced: true));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var placeholder = html.IndexOf("id=\"loading\"", StringComparison.Ordinal);
        var streamed = html.IndexOf("<blazor-ssr>", StringComparison.Ordinal);
        Assert.True(placeholder >= 0, "the page is sent with its loading placeholder");
        Assert.True(streamed > placeholder, "the content follows as a streamed update");
        Assert.True(html.IndexOf(content, streamed, StringComparison.Ordinal) > streamed, $"{content} arrives in the streamed update");
        Assert.Contains("正在读取数据", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "id=\"card-nonfossil_share-main\"")]
    [InlineData("/provinces/44", "id=\"scorecard\"")]
    public async Task Get_PlainRequest_WholePageWithoutPlaceholderOrStreaming(string path, string content)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(PeakMonitor.Accounts.Roles.Viewer);

        using var response = await http.SendAsync(Get(path, enhanced: false));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(content, html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"loading\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<blazor-ssr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void IsEnhanced_OtherAcceptHeaders_False()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        Assert.False(PeakMonitor.Web.Components.Shared.Loaded.IsEnhanced(context));
        Assert.False(PeakMonitor.Web.Components.Shared.Loaded.IsEnhanced(null));
        context.Request.Headers.Accept = "text/html, blazor-enhanced-nav=on";
        Assert.False(PeakMonitor.Web.Components.Shared.Loaded.IsEnhanced(context));
        context.Request.Headers.Accept = "text/html; blazor-enhanced-nav=on";
        Assert.True(PeakMonitor.Web.Components.Shared.Loaded.IsEnhanced(context));
    }
}

using System.Net;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class ReportsPageTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [Fact]
    public async Task Get_Reports_FormAndEmptyArchive()
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient();

        var html = await http.GetStringAsync(new Uri("/reports", UriKind.Relative));

        Assert.Contains("id=\"report-form\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2024\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"archive-empty\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReports_WithoutAntiforgeryToken_400()
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = "2024", ["scope"] = "CN", ["lang"] = "zh" });

        using var response = await http.PostAsync(new Uri("/api/reports", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("peakmonitor-assessment-2024-CN-zh.pdf")]
    [InlineData("archive.json")]
    public async Task Get_ReportFile_NotInArchive_404(string name)
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/reports/files/" + Uri.EscapeDataString(name), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

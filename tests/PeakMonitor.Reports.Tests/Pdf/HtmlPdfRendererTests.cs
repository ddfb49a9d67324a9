using System.Text;
using Microsoft.Extensions.Options;
using PeakMonitor.Reports.Pdf;

namespace PeakMonitor.Reports.Tests.Pdf;

public sealed class HtmlPdfRendererTests
{
    [Fact]
    public async Task RenderAsync_ChineseHtml_PdfWithEmbeddedCjkFont()
    {
        await using var renderer = new HtmlPdfRenderer(Options.Create(new ReportsOptions()));
        const string html = """
            <html lang="zh-CN"><head><meta charset="utf-8"><style>body { font-family: "Noto Sans CJK SC", sans-serif; }</style></head>
            <body><h1>碳达峰年度评估报告</h1><p>非化石能源消费比重 Non-fossil share</p></body></html>
            """;

        var pdf = await renderer.RenderAsync(html, CancellationToken.None);

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var text = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Type /Page", text, StringComparison.Ordinal);
        Assert.Contains("NotoSansCJK", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_TwoPagesOfContent_TwoPdfPages()
    {
        await using var renderer = new HtmlPdfRenderer(Options.Create(new ReportsOptions()));

        var pdf = await renderer.RenderAsync("<html><body><p>一</p><p style=\"break-before: page\">二</p></body></html>", CancellationToken.None);

        var pages = System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task RenderAsync_ChromiumMissing_ErrorNamesPackages()
    {
        await using var renderer = new HtmlPdfRenderer(Options.Create(new ReportsOptions { ChromiumPath = "/nonexistent/chromium" }));

        var ex = await Assert.ThrowsAsync<ChromiumNotInstalledException>(() => renderer.RenderAsync("<p>x</p>", CancellationToken.None));

        Assert.Contains("apt-get install chromium fonts-noto-cjk", ex.Message, StringComparison.Ordinal);
    }
}

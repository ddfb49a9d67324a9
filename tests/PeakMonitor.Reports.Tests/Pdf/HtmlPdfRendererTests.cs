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
    public async Task RenderAsync_ContentsEntries_NumberOfThePageEachSectionStartsOn()
    {
        await using var renderer = new HtmlPdfRenderer(Options.Create(new ReportsOptions()));

        // Front matter of two pages, then sections of 1, 3 and 2 pages: they start on pages 3, 4 and 7.
        static string Pages(int n) => string.Concat(Enumerable.Range(0, n).Select(i => $"<p style=\"break-before: {(i == 0 ? "auto" : "page")}\">p{i}</p>"));
        var html = "<html><body><section style=\"break-after: page\">title</section><section><ol>"
            + "<li>A <span data-toc-page=\"a\"></span></li><li>B <span data-toc-page=\"b\"></span></li><li>C <span data-toc-page=\"c\"></span></li><li>gone <span data-toc-page=\"missing\"></span></li></ol></section>"
            + $"<section id=\"a\" style=\"break-before: page\">{Pages(1)}</section><section style=\"break-before: page\"><h2 id=\"b\">B</h2>{Pages(3)}</section><section id=\"c\" style=\"break-before: page\">{Pages(2)}</section></body></html>";

        var pdf = await renderer.RenderAsync(html, CancellationToken.None);

        Assert.Equal(8, HtmlPdfRenderer.PageCount(pdf));
        var path = Path.Combine(Path.GetTempPath(), $"toc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            // Page 2 (the contents) says A 3, B 4, C 7; an entry whose target is missing stays empty.
            var contents = PdfFiles.Text(path, 2);
            Assert.Matches(@"A\s+3\b", contents);
            Assert.Matches(@"B\s+4\b", contents);
            Assert.Matches(@"C\s+7\b", contents);
            Assert.DoesNotMatch(@"gone\s+\d", contents);
            Assert.DoesNotContain("000", contents, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PageCount_PdfWithPageTree_CountsPagesNotTreeNodes()
    {
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.4 1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>> 4 0 obj << /Type /PageLabel >>");

        Assert.Equal(2, HtmlPdfRenderer.PageCount(pdf));
    }

    [Fact]
    public async Task RenderAsync_ChromiumMissing_ErrorNamesPackages()
    {
        await using var renderer = new HtmlPdfRenderer(Options.Create(new ReportsOptions { ChromiumPath = "/nonexistent/chromium" }));

        var ex = await Assert.ThrowsAsync<ChromiumNotInstalledException>(() => renderer.RenderAsync("<p>x</p>", CancellationToken.None));

        Assert.Contains("apt-get install chromium fonts-noto-cjk", ex.Message, StringComparison.Ordinal);
    }
}

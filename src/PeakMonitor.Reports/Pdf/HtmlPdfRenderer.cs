using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace PeakMonitor.Reports.Pdf;

/// <summary>
/// Prints HTML to PDF with headless Chromium driven by Playwright (Debian's browser: Playwright's
/// own browser download is not possible here). One browser is started on first use and shared.
/// </summary>
public sealed class HtmlPdfRenderer(IOptions<ReportsOptions> options) : IAsyncDisposable
{
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which this
    // network refuses; --no-sandbox because CI runs as root.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Renders <paramref name="html"/> as an A4 PDF, backgrounds printed.</summary>
    public Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken) => RenderAsync(html, null, cancellationToken);

    /// <summary>
    /// Renders <paramref name="html"/> as an A4 PDF. With a <paramref name="footer"/>, every page gets
    /// it with "page / pages"; a page that sets <c>window.chartsDone</c> is printed once its charts are drawn.
    /// </summary>
    public async Task<byte[]> RenderAsync(string html, string? footer, CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken).ConfigureAwait(false);
        var page = await browser.NewPageAsync().ConfigureAwait(false);
        await using (page.ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
            if (html.Contains("chartsDone", StringComparison.Ordinal))
            {
                await page.WaitForFunctionAsync("() => window.chartsDone === true", null, new PageWaitForFunctionOptions { Timeout = 30_000 }).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Margin = new Margin { Top = "18mm", Bottom = "20mm", Left = "16mm", Right = "16mm" },
                DisplayHeaderFooter = footer is not null,
                HeaderTemplate = "<div></div>",
                FooterTemplate = footer is null ? null : $"<div style=\"font-size:8px;width:100%;text-align:center;color:#52606d;font-family:'Noto Sans CJK SC',sans-serif\">{System.Net.WebUtility.HtmlEncode(footer)} · <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
            }).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is not null)
        {
            return _browser;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_browser is null)
            {
                var path = options.Value.ChromiumPath;
                if (!File.Exists(path))
                {
                    throw new ChromiumNotInstalledException(path);
                }

                _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = ChromiumArgs,
                }).ConfigureAwait(false);
            }

            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace PeakMonitor.Reports.Pdf;

/// <summary>
/// Prints HTML to PDF with headless Chromium driven by Playwright (Debian's browser: Playwright's
/// own browser download is not possible here). One browser is started on first use and shared.
/// </summary>
public sealed partial class HtmlPdfRenderer(IOptions<ReportsOptions> options) : IAsyncDisposable
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
    /// it with "page / pages"; a page that sets <c>window.chartsDone</c> is printed once its charts are drawn;
    /// contents entries <c>[data-toc-page="ID"]</c> get the number of the page where the section
    /// <c>#ID</c> starts (see <see cref="FillContentsPagesAsync"/>).
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

            var options = PdfOptions(footer);
            if (html.Contains("data-toc-page", StringComparison.Ordinal))
            {
                await FillContentsPagesAsync(page, options, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(options).ConfigureAwait(false);
        }
    }

    /// <summary>The pages of a PDF that Chromium wrote (its page objects; the page tree nodes are <c>/Pages</c>).</summary>
    public static int PageCount(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [System.Text.RegularExpressions.GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial System.Text.RegularExpressions.Regex PageObject();

    /// <summary>
    /// Chromium has no <c>target-counter()</c>, so the contents' page numbers are measured: the sections
    /// a contents entry points to each start on a new page (<c>break-before: page</c>), so a section's
    /// layout does not depend on what comes before it. The front matter (everything before the first
    /// section) is printed alone, then each section alone, on the loaded page (charts stay drawn);
    /// section k starts on page 1 + front + the pages of sections 1…k−1. The entries hold a
    /// three-digit placeholder while the front is measured, so filling them in cannot lengthen it.
    /// </summary>
    private static async Task FillContentsPagesAsync(IPage page, PagePdfOptions options, CancellationToken cancellationToken)
    {
        var ids = await page.EvaluateAsync<string[]>("""
            () => {
              const ids = [...document.querySelectorAll('[data-toc-page]')].map(e => e.getAttribute('data-toc-page')).filter(id => document.getElementById(id));
              document.querySelectorAll('[data-toc-page]').forEach(e => e.textContent = '000');
              const style = document.createElement('style');
              style.id = 'pm-measure-style';
              style.textContent = 'body.pm-measuring > *:not(.pm-measure) { display: none !important; }';
              document.head.appendChild(style);
              return ids;
            }
            """).ConfigureAwait(false);
        if (ids.Length == 0)
        {
            return;
        }

        // The front: the body's children before the first section (title page, contents).
        await page.EvaluateAsync("""
            first => {
              document.body.classList.add('pm-measuring');
              const top = document.getElementById(first).closest('body > *');
              for (const el of document.body.children) { if (el === top) { break; } el.classList.add('pm-measure'); }
            }
            """, ids[0]).ConfigureAwait(false);
        var next = 1 + PageCount(await page.PdfAsync(options).ConfigureAwait(false));
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            starts[id] = next;
            await page.EvaluateAsync("""
                id => {
                  document.querySelectorAll('.pm-measure').forEach(e => e.classList.remove('pm-measure'));
                  document.getElementById(id).closest('body > *').classList.add('pm-measure');
                }
                """, id).ConfigureAwait(false);
            next += PageCount(await page.PdfAsync(options).ConfigureAwait(false));
        }

        await page.EvaluateAsync("""
            starts => {
              document.querySelectorAll('.pm-measure').forEach(e => e.classList.remove('pm-measure'));
              document.body.classList.remove('pm-measuring');
              document.getElementById('pm-measure-style').remove();
              document.querySelectorAll('[data-toc-page]').forEach(e => e.textContent = String(starts[e.getAttribute('data-toc-page')] ?? ''));
            }
            """, starts).ConfigureAwait(false);
    }

    private static PagePdfOptions PdfOptions(string? footer) => new()
    {
        Format = "A4",
        PrintBackground = true,
        Margin = new Margin { Top = "18mm", Bottom = "20mm", Left = "16mm", Right = "16mm" },
        DisplayHeaderFooter = footer is not null,
        HeaderTemplate = "<div></div>",
        FooterTemplate = footer is null ? null : $"<div style=\"font-size:8px;width:100%;text-align:center;color:#52606d;font-family:'Noto Sans CJK SC',sans-serif\">{System.Net.WebUtility.HtmlEncode(footer)} · <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
    };

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

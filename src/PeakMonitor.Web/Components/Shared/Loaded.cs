using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Components.Shared;

/// <summary>
/// A page section that needs the store: it runs <see cref="Load"/> and then shows its content. When the
/// request comes from blazor.web.js (enhanced navigation), the section is streamed: the page is sent at
/// once with a "loading" placeholder and the content follows on the same response when the store answers,
/// so a page never waits blank. Any other request (a first load, a script-less browser, a crawler, curl)
/// gets the whole page in one piece, because streamed content is applied by the script and would stay
/// invisible without it.
/// </summary>
public sealed class Loaded : ComponentBase
{
    /// <summary>The header value blazor.web.js sends on its own fetches (enhanced navigation and forms).</summary>
    internal const string EnhancedAccept = "text/html; blazor-enhanced-nav=on";

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>Reads what the content shows; store errors are the caller's to turn into a message.</summary>
    [Parameter, EditorRequired]
    public Func<Task> Load { get; set; } = default!;

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>Whether this response is read by blazor.web.js, which applies streamed updates.</summary>
    public static bool IsEnhanced(HttpContext? context) =>
        context?.Request.Headers.Accept is { Count: 1 } accept && string.Equals(accept[0], EnhancedAccept, StringComparison.Ordinal);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent(0, IsEnhanced(HttpContext) ? typeof(StreamedSection) : typeof(WholeSection));
        builder.AddComponentParameter(1, nameof(LoadedSection.Load), Load);
        builder.AddComponentParameter(2, nameof(LoadedSection.ChildContent), ChildContent);
        builder.CloseComponent();
    }
}

/// <summary>Runs the load, then renders the content; the placeholder shows only while a streamed load is pending.</summary>
public abstract class LoadedSection : ComponentBase
{
    private bool _loaded;

    [Inject]
    private UiLanguage Lang { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<Task> Load { get; set; } = default!;

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await Load();
        _loaded = true;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (_loaded)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenElement(1, "section");
        builder.AddAttribute(2, "class", "card loading");
        builder.AddAttribute(3, "id", "loading");
        builder.AddAttribute(4, "role", "status");
        builder.AddAttribute(5, "aria-live", "polite");
        builder.OpenElement(6, "p");
        builder.AddContent(7, Lang.T("正在读取数据…", "Loading data…"));
        builder.CloseElement();
        builder.CloseElement();
    }
}

/// <summary>Streamed: the response does not wait for the load.</summary>
[StreamRendering(true)]
public sealed class StreamedSection : LoadedSection;

/// <summary>In one piece: the response waits for the load (no script needed to see the content).</summary>
[StreamRendering(false)]
public sealed class WholeSection : LoadedSection;

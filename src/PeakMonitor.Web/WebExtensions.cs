using HangfireEndpoints = Hangfire.HangfireEndpointRouteBuilderExtensions;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Web.Api;
using PeakMonitor.Web.Components;
using PeakMonitor.Web.Dashboard;
using PeakMonitor.Web.Explorer;
using PeakMonitor.Web.Security;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web;

internal static class WebExtensions
{
    /// <summary>
    /// Statically rendered Razor components; only the scenarios page is interactive (server), because its
    /// sliders must answer without a page load.
    /// </summary>
    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        // blazor.web.js (enhanced navigation, streaming) is a static web asset: a build output run in
        // Production (scripts/run.sh) only serves it when the assets manifest is read (STACK.md).
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseStaticWebAssets();
        }

        // Chinese text is written as characters, not as &#x…; escapes: pages stay readable and tests can find their words.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddAntiforgery();
        builder.AddWebSecurity();
        builder.Services.AddOpenApi();
        builder.Services.AddApiCompression();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<UiLanguage>();
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration("Dashboard")
            .Validate(o => o.CacheDuration >= TimeSpan.Zero, "Dashboard:CacheDuration must not be negative.")
            .Validate(o => UiLanguage.FindZone(o.TimeZone) is not null, "Dashboard:TimeZone must be a time zone this system knows (an IANA id such as Asia/Shanghai).")
            .ValidateOnStart();
        builder.Services.AddSingleton<ReadCache>();
        builder.Services.AddSingleton<KayaData>();
        builder.Services.AddSingleton<BacktestData>();
        builder.Services.AddSingleton<ChartImageCache>();
        builder.Services.AddSingleton<UploadService>();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddSingleton<PeakMonitor.Ingestion.Jobs.IImportObserver, UploadAudit>();
        builder.Services.AddSingleton<ReportJobs>();
        builder.Services.AddTransient<ReportGenerationJob>();

        // Reports draw their charts with the ECharts the web app already serves.
        builder.Services.AddOptions<PeakMonitor.Reports.ReportsOptions>().PostConfigure<IWebHostEnvironment>((o, env) =>
        {
            if (!File.Exists(o.EchartsScript) && env.WebRootPath is { } root)
            {
                o.EchartsScript = Path.Combine(root, "lib", "echarts", "echarts.min.js");
            }
        });
        return builder;
    }

    public static WebApplication UseWebApp(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.Use(SecurityHeaders);

        app.UseStaticFiles();
        app.Use(async (context, next) =>
        {
            var lang = context.RequestServices.GetRequiredService<UiLanguage>();
            lang.English = context.Request.Cookies[UiLanguage.CookieName] == "en";
            lang.TimeZone = Zone(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value.TimeZone);
            await next(context);
        });
        app.UseWebSecurity();
        app.UseAntiforgery();
        app.UseApiCaching();
        app.MapGet("/healthz", HealthAsync).AllowAnonymous();
        app.MapPeakMonitorApi();
        app.MapGet("/lang/{code}", SwitchLanguage).AllowAnonymous();
        app.MapExplorerExports();
        app.MapProvinceRankingExports();
        app.MapImportEndpoints();
        app.MapReportEndpoints();
        app.MapChartEndpoints();
        app.MapAccountEndpoints();
        app.MapJobsDashboard();
        // Our own policy (SecurityHeaders) already says frame-ancestors 'none' on every answer; Blazor's
        // default would add a second Content-Security-Policy header with a weaker 'self'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>
    /// Security headers on every answer: only the app's own scripts run (no inline script; the chart
    /// options are JSON data blocks, which CSP does not execute), no framing, no type sniffing. A
    /// generated report's HTML view carries inline scripts, so it is served sandboxed instead: an
    /// opaque origin without the app's cookies. API answers and downloads are marked <c>no-store</c>.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;

        // Data answers and downloads are not kept by browsers or proxies: they may be read by the next user of a shared machine.
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/reports/files") || path.StartsWithSegments("/explore/export.csv") || path.StartsWithSegments("/explore/export.xlsx") || path.StartsWithSegments("/provinces/export.csv") || path.StartsWithSegments("/provinces/export.xlsx"))
        {
            headers.CacheControl = "no-store";
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = path.StartsWithSegments("/reports/files")
            ? "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
            : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        return next(context);
    }

    /// <summary>The path of Hangfire's dashboard.</summary>
    public const string JobsDashboardPath = "/admin/jobs";

    /// <summary>
    /// Hangfire's dashboard for admins: our sign-in and roles decide (an anonymous visitor is sent to
    /// sign in, anyone else refused), through the admin policy on the endpoint; Hangfire's own filters
    /// (local requests only) are replaced by it.
    /// </summary>
    private static void MapJobsDashboard(this WebApplication app)
    {
        var options = new Hangfire.DashboardOptions
        {
            AppPath = "/data",
            DashboardTitle = "碳达峰监测平台 · 任务 Jobs",
            DisplayStorageConnectionString = false,
            Authorization = [],
        };
        HangfireEndpoints.MapHangfireDashboardWithAuthorizationPolicy(app, SecurityExtensions.AdminPolicy, JobsDashboardPath, options);
    }

    /// <summary>The language switch: remembered for a year; back to the page it was pressed on (local paths only).</summary>
    private static IResult SwitchLanguage(string code, string? returnUrl, HttpContext context)
    {
        context.Response.Cookies.Append(UiLanguage.CookieName, code == "en" ? "en" : "zh", new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return Results.LocalRedirect(HttpContextSecurity.LocalOrRoot(returnUrl));
    }

    /// <summary>
    /// 200 when InfluxDB answers, 503 when it does not. Load balancers probe without signing in, so
    /// they get the status only; signed-in users also see the server, database and error.
    /// </summary>
    private static async Task<IResult> HealthAsync(StoreStatusReader status, HttpContext context, CancellationToken cancellationToken)
    {
        var details = context.User.Identity?.IsAuthenticated == true;
        try
        {
            var s = await status.ReadAsync(cancellationToken);
            return details ? Results.Ok(new { status = "ok", influx = s.Server.ToString(), s.Database, s.Version, s.Observations }) : Results.Ok(new { status = "ok" });
        }
        catch (InfluxException ex)
        {
            object body = details ? new { status = "unavailable", influx = ex.Server.ToString(), error = ex.Message } : new { status = "unavailable" };
            return Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    private static TimeZoneInfo Zone(string id) => Zones.GetOrAdd(id, static i => UiLanguage.FindZone(i) ?? UiLanguage.ChinaStandardTime);
}

using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Web.Components;

namespace PeakMonitor.Web;

internal static class WebExtensions
{
    /// <summary>Statically rendered Razor components (no interactive render modes: see README, "Dependencies").</summary>
    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication UseWebApp(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapGet("/healthz", HealthAsync);
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>200 with the store's status when InfluxDB answers, 503 naming the server when it does not.</summary>
    private static async Task<IResult> HealthAsync(StoreStatusReader status, CancellationToken cancellationToken)
    {
        try
        {
            var s = await status.ReadAsync(cancellationToken);
            return Results.Ok(new { status = "ok", influx = s.Server.ToString(), s.Database, s.Version, s.Observations });
        }
        catch (InfluxException ex)
        {
            return Results.Json(new { status = "unavailable", influx = ex.Server.ToString(), error = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

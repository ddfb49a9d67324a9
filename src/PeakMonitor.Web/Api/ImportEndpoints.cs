using PeakMonitor.Accounts;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Web.Dashboard;
using PeakMonitor.Web.Security;

namespace PeakMonitor.Web;

/// <summary>
/// Upload with live progress: the Data page's script posts the file here (with its antiforgery
/// token) and polls the status. Without the script, the page's own form imports synchronously.
/// </summary>
internal static class ImportEndpoints
{
    public const long MaxUploadBytes = UploadService.MaxUploadBytes;

    public static WebApplication MapImportEndpoints(this WebApplication app)
    {
        app.MapPost("/api/imports", StartAsync)
            .DisableAntiforgery() // validated explicitly below, after the form is read
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes + (1024 * 1024)))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes + (1024 * 1024) })
            .RequireAuthorization(SecurityExtensions.AdminPolicy)
            .WithName("StartImport")
            .WithSummary("Upload a data file and start importing it (a background job on any instance); poll the returned status URL.");
        app.MapGet("/api/imports/{id}", (string id, ImportJobs imports) =>
                imports.Get(id) is { } t ? Results.Ok(t with { Outcome = null }) : Results.NotFound())
            .RequireAuthorization(SecurityExtensions.AdminPolicy)
            .WithName("ImportStatus")
            .WithSummary("Progress and outcome of an uploaded import.");
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext context, UploadService uploads, UiLanguage lang)
    {
        // Refused on the declared length, before a byte of the body is read.
        if (context.Request.ContentLength > MaxUploadBytes + (1024 * 1024))
        {
            var tooLarge = UploadService.TooLarge(context.Request.ContentLength.Value, lang);
            await context.AuditAsync(AuditActions.Upload, string.Empty, "refused: " + tooLarge.AuditReason);
            return Problem(tooLarge);
        }

        if (await context.RejectForgedFormAsync() is { } forged)
        {
            return forged;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var result = await uploads.StartAsync(form.Files.GetFile("file"), context, context.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            return Problem(refusal);
        }

        return Results.Accepted($"/api/imports/{result.JobId}", new ImportStatus(result.JobId!, result.Name, "queued", 0, 0, "running", null, null, [], null) with { Outcome = null });
    }

    /// <summary>An API answer is read by programs and people alike: both languages, Chinese first.</summary>
    private static IResult Problem(UploadRefusal refusal) => Results.Problem($"{refusal.Chinese} {refusal.English}", statusCode: refusal.StatusCode);
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Web.Dashboard;

namespace PeakMonitor.Web;

/// <summary>
/// Upload with live progress: the Data page's script posts the file here (with its antiforgery
/// token) and polls the status. Without the script, the page's own form imports synchronously.
/// </summary>
internal static class ImportEndpoints
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public static WebApplication MapImportEndpoints(this WebApplication app)
    {
        app.MapPost("/api/imports", StartAsync)
            .DisableAntiforgery() // validated explicitly below, after the form is read
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes + (1024 * 1024)))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes + (1024 * 1024) })
            .WithName("StartImport")
            .WithSummary("Upload a data file and start importing it; poll the returned status URL.");
        app.MapGet("/api/imports/{id}", (string id, ImportTracker tracker) =>
                tracker.Get(id) is { } t ? Results.Ok(t) : Results.NotFound())
            .WithName("ImportStatus")
            .WithSummary("Progress and outcome of an uploaded import.");
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext context, IAntiforgery antiforgery, ImportTracker tracker, IOptions<IngestionOptions> options)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem("The form's antiforgery token is missing or invalid: reload the page.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        var name = Path.GetFileName(file?.FileName ?? string.Empty);
        if (file is null || file.Length == 0 || name.Length == 0 || name.StartsWith('.'))
        {
            return Results.Problem("Choose a non-empty file with a name that does not start with '.'.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (file.Length > MaxUploadBytes)
        {
            return Results.Problem($"The file is larger than {MaxUploadBytes / (1024 * 1024)} MB; put it into the inbox folder instead.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var folder = Path.Combine(options.Value.DataDirectory, "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using (var target = File.Create(path))
        {
            await file.CopyToAsync(target, context.RequestAborted);
        }

        var tracked = tracker.Start(path, name);
        return Results.Accepted($"/api/imports/{tracked.Id}", tracked);
    }
}

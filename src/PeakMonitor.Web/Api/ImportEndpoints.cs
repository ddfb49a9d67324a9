using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Web.Dashboard;
using PeakMonitor.Web.Security;

namespace PeakMonitor.Web;

/// <summary>
/// Upload with live progress: the Data page's script posts the file here (with its antiforgery
/// token) and polls the status. Without the script, the page's own form imports synchronously.
/// </summary>
internal static class ImportEndpoints
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    /// <summary>The file types the importer reads (its content is checked again when it is read: canonical or NBS-style CSV, or an .xlsx workbook).</summary>
    public static readonly string[] UploadExtensions = [".csv", ".txt", ".xlsx"];

    /// <summary>
    /// The name an upload is saved and reported under: the last segment of what the client sent (some
    /// browsers send a path, "C:\\data\\x.csv").
    /// </summary>
    public static string UploadName(string? clientName) => Path.GetFileName((clientName ?? string.Empty).Replace('\\', '/'));

    /// <summary>The rule both upload paths apply: not empty, not hidden ('.' first), no control characters, at most 200 characters.</summary>
    public static bool IsUsableUploadName(string name) =>
        !string.IsNullOrWhiteSpace(name) && !name.StartsWith('.') && name.Length <= 200 && !name.Any(char.IsControl);

    /// <summary>Whether an upload's name has one of <see cref="UploadExtensions"/> (case-insensitive).</summary>
    public static bool HasUploadType(string name) => UploadExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);

    public static WebApplication MapImportEndpoints(this WebApplication app)
    {
        app.MapPost("/api/imports", StartAsync)
            .DisableAntiforgery() // validated explicitly below, after the form is read
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes + (1024 * 1024)))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes + (1024 * 1024) })
            .RequireAuthorization(SecurityExtensions.AdminPolicy)
            .WithName("StartImport")
            .WithSummary("Upload a data file and start importing it; poll the returned status URL.");
        app.MapGet("/api/imports/{id}", (string id, ImportTracker tracker) =>
                tracker.Get(id) is { } t ? Results.Ok(t) : Results.NotFound())
            .RequireAuthorization(SecurityExtensions.AdminPolicy)
            .WithName("ImportStatus")
            .WithSummary("Progress and outcome of an uploaded import.");
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext context, ImportTracker tracker, IOptions<IngestionOptions> options)
    {
        // Refused on the declared length, before a byte of the body is read.
        if (context.Request.ContentLength > MaxUploadBytes + (1024 * 1024))
        {
            await context.AuditAsync(AuditActions.Upload, string.Empty, $"refused: {context.Request.ContentLength} bytes, over the limit");
            return TooLarge();
        }

        if (await context.RejectForgedFormAsync() is { } forged)
        {
            return forged;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        var name = UploadName(file?.FileName);
        if (file is null || file.Length == 0 || !IsUsableUploadName(name))
        {
            await context.AuditAsync(AuditActions.Upload, name, "refused: no file or invalid name");
            return Results.Problem("Choose a non-empty file whose name does not start with '.', has no control characters and at most 200 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!HasUploadType(name))
        {
            await context.AuditAsync(AuditActions.Upload, name, "refused: file type");
            return Results.Problem($"{name}: only {string.Join(", ", UploadExtensions)} files can be imported.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (file.Length > MaxUploadBytes)
        {
            await context.AuditAsync(AuditActions.Upload, name, $"refused: {file.Length} bytes, over the limit");
            return TooLarge();
        }

        var folder = Path.Combine(options.Value.DataDirectory, "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using (var target = File.Create(path))
        {
            await file.CopyToAsync(target, context.RequestAborted);
        }

        var tracked = tracker.Start(path, name, context.Actor());
        await context.AuditAsync(AuditActions.Upload, name, $"started: {file.Length} bytes, import {tracked.Id}");
        return Results.Accepted($"/api/imports/{tracked.Id}", tracked);
    }

    private static IResult TooLarge() =>
        Results.Problem($"The file is larger than {MaxUploadBytes / (1024 * 1024)} MB; put it into the inbox folder instead.", statusCode: StatusCodes.Status413PayloadTooLarge);
}

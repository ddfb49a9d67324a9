using Hangfire;
using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Web.Security;

namespace PeakMonitor.Web.Dashboard;

/// <summary>An upload refused before it was saved: the HTTP status and the reason in both languages.</summary>
public sealed record UploadRefusal(int StatusCode, string Chinese, string English, string AuditReason);

/// <summary>A saved upload and its import job, or the reason it was refused.</summary>
public sealed record UploadResult(string Name, string? JobId, UploadRefusal? Refusal);

/// <summary>
/// Uploads, the same for the Data page's form and <c>POST /api/imports</c>: the checks (a usable
/// name, a readable type, not empty, not over the limit), the save (a folder of its own per upload
/// keeps the user's file name without collisions), the import as a background job on any instance,
/// and the audit entries (refusal, start; the outcome is audited by the job, see <see cref="UploadAudit"/>).
/// </summary>
public sealed class UploadService(IBackgroundJobClient jobs, IOptions<IngestionOptions> options)
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    /// <summary>The file types the importer reads (its content is checked again when it is read: canonical or NBS-style CSV, or an .xlsx workbook).</summary>
    public static readonly string[] UploadExtensions = [".csv", ".txt", ".xlsx"];

    /// <summary>The name an upload is saved and reported under: the last segment of what the client sent (some browsers send a path, "C:\\data\\x.csv").</summary>
    public static string UploadName(string? clientName) => Path.GetFileName((clientName ?? string.Empty).Replace('\\', '/'));

    /// <summary>Not empty, not hidden ('.' first), no control characters, at most 200 characters.</summary>
    public static bool IsUsableUploadName(string name) =>
        !string.IsNullOrWhiteSpace(name) && !name.StartsWith('.') && name.Length <= 200 && !name.Any(char.IsControl);

    /// <summary>Whether an upload's name has one of <see cref="UploadExtensions"/> (case-insensitive).</summary>
    public static bool HasUploadType(string name) => UploadExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);

    public static UploadRefusal TooLarge(long bytes, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return new UploadRefusal(StatusCodes.Status413PayloadTooLarge,
            $"文件过大（{lang.Num(bytes / 1024d / 1024d, 1)} MB），上限为 {MaxUploadBytes / (1024 * 1024)} MB。可将文件放入收件箱目录导入。",
            $"The file is larger than {MaxUploadBytes / (1024 * 1024)} MB ({lang.Num(bytes / 1024d / 1024d, 1)} MB); put it into the inbox folder instead.",
            $"{bytes} bytes, over the limit");
    }

    /// <summary>Checks, saves and enqueues <paramref name="file"/> for the signed-in user of <paramref name="context"/>.</summary>
    public async Task<UploadResult> StartAsync(IFormFile? file, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = context.RequestServices.GetRequiredService<UiLanguage>();
        var name = UploadName(file?.FileName);
        UploadRefusal? refusal = null;
        if (file is null)
        {
            refusal = new UploadRefusal(StatusCodes.Status400BadRequest, "请选择要上传的文件。", "Choose a file to upload.", "no file");
        }
        else if (!IsUsableUploadName(name))
        {
            refusal = new UploadRefusal(StatusCodes.Status400BadRequest, "文件名无效：不能为空、不能以“.”开头、不能含控制字符，且不超过 200 个字符。", "Invalid file name: it must not be empty, start with '.', contain control characters, or exceed 200 characters.", "invalid name");
        }
        else if (!HasUploadType(name))
        {
            refusal = new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, $"文件 {name} 的类型不受支持：只能导入 .csv、.txt 或 .xlsx 文件。", $"{name}: only {string.Join(", ", UploadExtensions)} files can be imported.", "file type");
        }
        else if (file.Length == 0)
        {
            refusal = new UploadRefusal(StatusCodes.Status400BadRequest, $"文件 {name} 是空的。", $"The file {name} is empty.", "empty file");
        }
        else if (file.Length > MaxUploadBytes)
        {
            refusal = TooLarge(file.Length, lang);
        }

        if (refusal is not null)
        {
            await context.AuditAsync(AuditActions.Upload, name, "refused: " + refusal.AuditReason);
            return new UploadResult(name, null, refusal);
        }

        var folder = Path.Combine(options.Value.Uploads, Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, name);
        try
        {
            Directory.CreateDirectory(folder);
            var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (target.ConfigureAwait(false))
            {
                await file!.CopyToAsync(target, cancellationToken);
            }
        }
        catch (IOException ex)
        {
            TryDelete(folder);
            await context.AuditAsync(AuditActions.Upload, name, "failed: " + ex.Message);
            return new UploadResult(name, null, new UploadRefusal(StatusCodes.Status500InternalServerError, $"无法保存上传的文件：{ex.Message}", $"The upload could not be saved: {ex.Message}", "not saved"));
        }

        var actor = context.Actor();
        var id = jobs.Enqueue<FileImportJob>(j => j.RunAsync("upload", path, 0, actor, null, CancellationToken.None));
        await context.AuditAsync(AuditActions.Upload, name, $"started: {file!.Length} bytes, import {id}");
        return new UploadResult(name, id, null);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind; nothing refers to it.
        }
    }
}

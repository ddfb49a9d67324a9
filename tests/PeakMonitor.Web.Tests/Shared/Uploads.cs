using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PeakMonitor.Web.Tests.Shared;

/// <summary>Uploads through the real endpoint, as the Data page's script does: the page's antiforgery token, a multipart post, then polling the status.</summary>
internal static class Uploads
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string path, string? name = null)
    {
        var page = await admin.GetStringAsync(new Uri("/data", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PeakMonitorWebFactory.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", name ?? Path.GetFileName(path));
        return await admin.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
    }

    /// <summary>Uploads and waits for the import to end; returns its final status (status, error, problems, written…).</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient admin, string path, TimeSpan? timeout = null)
    {
        using var started = await PostAsync(admin, path);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var status = JsonDocument.Parse(await admin.GetStringAsync(started.Headers.Location));
            if (status.RootElement.GetProperty("status").GetString() != "running")
            {
                return status.RootElement.Clone();
            }

            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromMinutes(3)), $"the import of {Path.GetFileName(path)} did not end in time");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Drops a file into the inbox (written beside it first, so the job never sees half a file) and waits until it
    /// is filed away; returns where, and the report written beside it (empty for a processed file).
    /// </summary>
    public static async Task<(string Filed, string Report)> ThroughInboxAsync(string ingestionDirectory, string path, TimeSpan? timeout = null)
    {
        var name = Path.GetFileName(path);
        var inbox = Path.Combine(ingestionDirectory, "inbox");
        File.Copy(path, Path.Combine(inbox, name + ".tmp"), overwrite: true);
        File.Move(Path.Combine(inbox, name + ".tmp"), Path.Combine(inbox, name));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var filed = new[] { "processed", "rejected", "failed" }
                .SelectMany(folder => Directory.GetFiles(Path.Combine(ingestionDirectory, folder), "*-" + name))
                .FirstOrDefault();
            var report = filed is null ? null : filed + (filed.Contains("/rejected/", StringComparison.Ordinal) ? ".errors.txt" : filed.Contains("/failed/", StringComparison.Ordinal) ? ".error.txt" : string.Empty);
            if (filed is not null && report == filed)
            {
                return (filed, string.Empty);
            }

            // Reports are written just after the file is moved, and end with a line break.
            if (report is not null && File.Exists(report) && await File.ReadAllTextAsync(report) is { Length: > 0 } text && text.EndsWith('\n'))
            {
                return (filed!, text);
            }

            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromMinutes(3)), $"{name} was not filed away in time");
            await Task.Delay(100);
        }
    }
}

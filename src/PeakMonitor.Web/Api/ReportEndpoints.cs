using PeakMonitor.Accounts;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Web.Dashboard;
using PeakMonitor.Web.Security;

namespace PeakMonitor.Web;

/// <summary>Start report generation, follow it, download archived reports.</summary>
internal static class ReportEndpoints
{
    public static WebApplication MapReportEndpoints(this WebApplication app)
    {
        app.MapPost("/api/reports", StartAsync).DisableAntiforgery().RequireAuthorization(SecurityExtensions.AnalystPolicy).WithName("StartReports").WithSummary("Generate assessment reports in the background (form fields year, scope = CN|11..65|all, lang = zh|en).");
        app.MapGet("/api/reports/{id}", (string id, ReportJobs jobs) => jobs.Get(id) is { } job ? Results.Ok(job) : Results.NotFound()).RequireAuthorization(SecurityExtensions.AnalystPolicy).WithName("ReportStatus").WithSummary("Progress of a report generation.");
        app.MapGet("/reports/files/{name}", async (string name, ReportJobs jobs, CancellationToken ct) =>
                await jobs.PathOfAsync(name, ct) is { } path && File.Exists(path)
                    ? Results.File(path, ContentType(name), name.EndsWith(".html", StringComparison.Ordinal) ? null : name)
                    : Results.NotFound())
            .WithName("ReportFile").WithSummary("Download an archived report.");
        return app;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".pdf" => "application/pdf",
        ".html" => "text/html; charset=utf-8",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private static async Task<IResult> StartAsync(HttpContext context, ReportJobs jobs)
    {
        if (await context.RejectForgedFormAsync() is { } forged)
        {
            return forged;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!Domain.Series.Period.TryParseYear(form["year"], out var year))
        {
            return Results.Problem($"year: give {Domain.Series.Period.YearRule}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var scope = form["scope"].ToString();
        RegionCode[]? regions = scope == "all" ? RegionCatalog.All.Select(r => r.Code).ToArray() : RegionCode.TryParse(scope, out var one) ? [one] : null;
        if (regions is null)
        {
            return Results.Problem("scope: use CN, a two-digit province code or all.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (jobs.Start(year, regions, form["lang"] == "en", context.Actor()) is not { } job)
        {
            var cap = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.MaxQueuedReportsPerUser;
            await context.AuditAsync(AuditActions.ReportGenerate, $"{year} {scope} {(form["lang"] == "en" ? "en" : "zh")}", $"refused: {cap} generations already queued or running");
            context.Response.Headers.RetryAfter = "30";
            return Results.Problem($"您已有 {cap} 个报告在排队或生成中，请等待其完成。You have {cap} report generations queued or running already; wait for one to finish.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many queued reports");
        }

        await context.AuditAsync(AuditActions.ReportGenerate, $"{year} {scope} {(form["lang"] == "en" ? "en" : "zh")}", $"started: job {job.Id}");
        return Results.Accepted($"/api/reports/{job.Id}", job);
    }
}

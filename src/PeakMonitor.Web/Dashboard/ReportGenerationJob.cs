using Hangfire;
using Hangfire.Server;
using PeakMonitor.Accounts;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Reports;
using PeakMonitor.Reports.Assessment;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// One report generation as a Hangfire job: the reports go to the archive, the progress and outcome
/// to a job parameter (for the page's progress bar on any instance), the outcome to the audit log.
/// A generation cut off by a shutdown is queued again by Hangfire and starts over.
/// </summary>
public sealed partial class ReportGenerationJob(ReportJobs reports, ReportGenerator generator, RunHistory history, AuditLog audit, TimeProvider time, ILogger<ReportGenerationJob> logger)
{
    [AutomaticRetry(Attempts = 0)] // a failed generation is reported to its user, who may ask again
    [JobDisplayName("Report {0} ({1}) {2}")]
    public async Task RunAsync(int year, string[] regionCodes, bool english, string actor, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regionCodes);
        var regions = regionCodes.Select(RegionCode.Parse).ToArray();
        var job = new ReportJob { Id = context?.BackgroundJob.Id ?? string.Empty, Total = regions.Length, Owner = actor };
        void Save() => context?.SetJobParameter(ReportJobs.ProgressParameter, job);
        await reports.One.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Save();
            var runs = await history.ListAsync(200, cancellationToken).ConfigureAwait(false);
            var dataUpdated = runs.Where(r => r.Status == RunStatus.Succeeded).Select(r => r.Ended).Max();
            var progress = new SynchronousProgress<ReportProgress>(p =>
            {
                job.Done = p.Done;
                job.Current = p.Current;
                Save();
            });
            var files = await generator.GenerateAsync(year, regions, english, ReportFormats.Pdf | ReportFormats.Xlsx | ReportFormats.Docx | ReportFormats.Html, reports.Folder, progress, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            await reports.AppendAsync(files.Select(f => new ArchivedReport(Path.GetFileName(f.Path), year, f.Region.Value, english ? "en" : "zh", f.Format.ToString().ToLowerInvariant(), f.Bytes, f.Sha256, now, dataUpdated))).ConfigureAwait(false);
            job.Files = files.Select(f => Path.GetFileName(f.Path)).ToArray();
            job.Done = job.Total;
            job.Status = "succeeded";
        }
        catch (Exception ex) when (ex is PeakMonitor.Domain.Ports.StoreException or IOException or InvalidOperationException or PeakMonitor.Reports.Pdf.ChromiumNotInstalledException or Microsoft.Playwright.PlaywrightException or TimeoutException)
        {
            job.Status = "failed";
            job.Error = ex.Message;
            LogFailed(logger, ex.Message);
        }
        finally
        {
            reports.One.Release();
        }

        Save();
        var scope = regions.Length == 1 ? regions[0].Value : $"{regions.Length} regions";
        await audit.WriteAsync(actor, AuditActions.ReportGenerate, $"{year} {scope} {(english ? "en" : "zh")}", $"{job.Status}: job {job.Id}, {job.Files.Count} files{(job.Error is null ? string.Empty : " — " + job.Error.Split('\n')[0])}", null, CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report generation failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

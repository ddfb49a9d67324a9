using PeakMonitor.Accounts;
using PeakMonitor.Ingestion.Jobs;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// An upload's outcome goes to the audit log under the user who uploaded it, written by the instance
/// that ran the import; a successful import also drops this instance's cached reads.
/// </summary>
public sealed class UploadAudit(AuditLog audit, ReadCache reads) : IImportObserver
{
    public async Task FinishedAsync(FinishedImport import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        if (import.Run.Status == RunStatus.Succeeded)
        {
            reads.Clear(); // the KPI results were refreshed by the import itself
        }

        if (import.RequestedBy is null)
        {
            return;
        }

        var run = import.Run;
        var error = run.Error is null ? string.Empty : " — " + run.Error.Split('\n')[0];
        await audit.WriteAsync(import.RequestedBy, AuditActions.Upload, import.File, $"{run.Status.ToString().ToLowerInvariant()}: import {import.BackgroundJobId}, run {run.RunId}, {run.Outcome?.Written ?? 0} points{(run.Errors.Count > 0 ? $", {run.Errors.Count} problems" : string.Empty)}{error}", null, cancellationToken);
    }
}

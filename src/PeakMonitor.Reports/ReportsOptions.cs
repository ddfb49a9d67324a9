namespace PeakMonitor.Reports;

/// <summary>Report rendering settings (configuration section <c>Reports</c>).</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>The Chromium used to print HTML to PDF (Debian's <c>chromium</c> package).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}

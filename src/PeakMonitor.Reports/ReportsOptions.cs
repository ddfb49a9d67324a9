namespace PeakMonitor.Reports;

/// <summary>Report rendering settings (configuration section <c>Reports</c>).</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>The Chromium used to print HTML to PDF (Debian's <c>chromium</c> package).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Where the web app keeps generated reports and their archive index.</summary>
    public string ArchiveDirectory { get; set; } = Path.Combine("data", "reports");

    /// <summary>ECharts (from npm) inlined into reports to draw their charts; without it reports have tables only.</summary>
    public string EchartsScript { get; set; } = Path.Combine("src", "PeakMonitor.Web", "node_modules", "echarts", "dist", "echarts.min.js");
}

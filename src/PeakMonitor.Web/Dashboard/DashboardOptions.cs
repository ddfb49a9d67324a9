namespace PeakMonitor.Web.Dashboard;

/// <summary>Dashboard settings (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// How old a snapshot of all KPIs may get before a background refresh starts; new data shows
    /// within about this time (sooner after an import in this process).
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time zone every time is shown in (an IANA id); China Standard Time by default.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Blazor's own script (<c>blazor.web.js</c>): links and forms swap the page in place instead of
    /// reloading it. Off, every page and form works as plain HTML (the browser benchmark's baseline).
    /// </summary>
    public bool EnhancedNavigation { get; set; } = true;
}

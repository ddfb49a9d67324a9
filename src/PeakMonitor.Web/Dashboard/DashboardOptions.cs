namespace PeakMonitor.Web.Dashboard;

/// <summary>Dashboard settings (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>How long a computed snapshot of all KPIs is reused; new imports show within this time.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

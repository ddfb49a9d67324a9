using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Reports.Charts;

/// <summary>
/// The 晴雨表's colours, in one place for the dashboard's chips and tiles, the browser charts and the
/// server-drawn images. Always shown with the status words, never colour alone.
/// </summary>
public static class StatusColors
{
    public static string Of(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => "#2e7d32",
        KpiStatus.AtRisk => "#ed8b00",
        KpiStatus.OffTrack => "#c62828",
        KpiStatus.AchievedEarly => "#1565c0",
        KpiStatus.WithinTolerance => "#00796b",
        KpiStatus.NoTarget => "#b0b7bf",
        KpiStatus.NotApplicable => "#cfd4d9",
        _ => "#9e9e9e",
    };
}

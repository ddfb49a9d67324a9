using PeakMonitor.Domain.Kpis;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// How a status looks: the 晴雨表's colours, always with its words and an icon, never colour alone.
/// </summary>
public static class StatusStyle
{
    public static string CssClass(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => "status-ok",
        KpiStatus.AtRisk => "status-risk",
        KpiStatus.OffTrack => "status-off",
        KpiStatus.AchievedEarly => "status-early",
        KpiStatus.NoData => "status-none",
        _ => "status-unjudged",
    };

    public static string Color(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => "#2e7d32",
        KpiStatus.AtRisk => "#ed8b00",
        KpiStatus.OffTrack => "#c62828",
        KpiStatus.AchievedEarly => "#1565c0",
        _ => "#9e9e9e",
    };

    public static string Icon(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => "●",
        KpiStatus.AtRisk => "▲",
        KpiStatus.OffTrack => "✕",
        KpiStatus.AchievedEarly => "★",
        _ => "–",
    };

    public static string Label(KpiStatus? status, UiLanguage lang) =>
        status is { } s ? lang.T(s.Zh(), s.En()) : lang.T("未评价", "Not judged");

    public static string GradeLabel(AssessmentGrade? grade, UiLanguage lang) =>
        grade is { } g ? lang.T(g.Zh(), g.En()) : "—";
}

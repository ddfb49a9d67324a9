using PeakMonitor.Domain.Kpis;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// How a status looks: the 晴雨表's colours, always with its words and an icon, never colour alone.
/// States that are not a judgement (no target, not applicable) are grey, with their own icon.
/// </summary>
public static class StatusStyle
{
    public static string CssClass(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => "status-ok",
        KpiStatus.AtRisk => "status-risk",
        KpiStatus.OffTrack => "status-off",
        KpiStatus.AchievedEarly => "status-early",
        KpiStatus.WithinTolerance => "status-band",
        KpiStatus.NoData => "status-none",
        KpiStatus.NoTarget => "status-notarget",
        KpiStatus.NotApplicable => "status-na",
        _ => "status-unjudged",
    };

    public static string Color(KpiStatus? status) => PeakMonitor.Reports.Charts.StatusColors.Of(status);

    public static string Icon(KpiStatus? status) => status switch
    {
        KpiStatus.OnTrack => "●",
        KpiStatus.AtRisk => "▲",
        KpiStatus.OffTrack => "✕",
        KpiStatus.AchievedEarly => "★",
        KpiStatus.WithinTolerance => "◐",
        KpiStatus.NoTarget => "○",
        KpiStatus.NotApplicable => "⊘",
        _ => "–",
    };

    public static string Label(KpiStatus? status, UiLanguage lang) => KpiText.Status(status, lang);

    public static string GradeLabel(AssessmentGrade? grade, UiLanguage lang) => KpiText.Grade(grade, lang);
}

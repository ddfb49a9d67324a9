namespace PeakMonitor.Domain.Kpis;

/// <summary>Machine ids and the labels officials use, Chinese first (anchors.md §12d–e).</summary>
public static class KpiLabels
{
    public static string Id(this KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "on_track",
        KpiStatus.AtRisk => "at_risk",
        KpiStatus.OffTrack => "off_track",
        KpiStatus.AchievedEarly => "achieved_early",
        _ => "no_data",
    };

    public static string Zh(this KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "三级 基本顺利",
        KpiStatus.AtRisk => "二级 比较严峻",
        KpiStatus.OffTrack => "一级 十分严峻",
        KpiStatus.AchievedEarly => "已提前完成",
        _ => "无数据",
    };

    public static string En(this KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "Level 3: on track",
        KpiStatus.AtRisk => "Level 2: at risk",
        KpiStatus.OffTrack => "Level 1: off track",
        KpiStatus.AchievedEarly => "Achieved early",
        _ => "No data",
    };

    public static string Id(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Exceeded => "exceeded",
        AssessmentGrade.Completed => "completed",
        AssessmentGrade.BasicallyCompleted => "basically_completed",
        _ => "not_completed",
    };

    public static string Zh(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Exceeded => "超额完成",
        AssessmentGrade.Completed => "完成",
        AssessmentGrade.BasicallyCompleted => "基本完成",
        _ => "未完成",
    };

    public static string En(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Exceeded => "Exceeded",
        AssessmentGrade.Completed => "Completed",
        AssessmentGrade.BasicallyCompleted => "Basically completed",
        _ => "Not completed",
    };

    public static string Zh(this TargetModality modality) => modality switch
    {
        TargetModality.About => "左右",
        TargetModality.AtLeast => "以上",
        TargetModality.AtMost => "以内",
        TargetModality.Aspirational => "力争",
        TargetModality.Qualitative => "基本/全面",
        _ => string.Empty,
    };
}

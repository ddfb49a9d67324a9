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
        KpiStatus.WithinTolerance => "within_tolerance",
        KpiStatus.NoTarget => "no_target",
        KpiStatus.NotApplicable => "not_applicable",
        _ => "no_data",
    };

    public static string Zh(this KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "三级 基本顺利",
        KpiStatus.AtRisk => "二级 比较严峻",
        KpiStatus.OffTrack => "一级 十分严峻",
        KpiStatus.AchievedEarly => "已提前完成",
        KpiStatus.WithinTolerance => "基本达到（“左右”范围内）",
        KpiStatus.NoTarget => "无省级目标",
        KpiStatus.NotApplicable => "不适用 · 全国总量目标",
        _ => "无数据",
    };

    public static string En(this KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => "Level 3: on track",
        KpiStatus.AtRisk => "Level 2: at risk",
        KpiStatus.OffTrack => "Level 1: off track",
        KpiStatus.AchievedEarly => "Achieved early",
        KpiStatus.WithinTolerance => "Basically met (within the “about” band)",
        KpiStatus.NoTarget => "No provincial target",
        KpiStatus.NotApplicable => "Not applicable: national total target",
        _ => "No data",
    };

    /// <summary>True for the statuses that say something about progress toward a target (the barometer's own).</summary>
    public static bool IsJudgement(this KpiStatus status) =>
        status is KpiStatus.OnTrack or KpiStatus.AtRisk or KpiStatus.OffTrack or KpiStatus.AchievedEarly or KpiStatus.WithinTolerance;

    public static string Id(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Exceeded => "exceeded",
        AssessmentGrade.Completed => "completed",
        AssessmentGrade.BasicallyCompleted => "basically_completed",
        AssessmentGrade.NotAssessable => "not_assessable",
        _ => "not_completed",
    };

    public static string Zh(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Exceeded => "超额完成",
        AssessmentGrade.Completed => "完成",
        AssessmentGrade.BasicallyCompleted => "基本完成",
        AssessmentGrade.NotAssessable => "无法评定（数据不全）",
        _ => "未完成",
    };

    public static string En(this AssessmentGrade grade) => grade switch
    {
        AssessmentGrade.Exceeded => "Exceeded",
        AssessmentGrade.Completed => "Completed",
        AssessmentGrade.BasicallyCompleted => "Basically completed",
        AssessmentGrade.NotAssessable => "Not assessable (incomplete data)",
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

    public static string En(this TargetModality modality) => modality switch
    {
        TargetModality.About => "about",
        TargetModality.AtLeast => "at least",
        TargetModality.AtMost => "at most",
        TargetModality.Aspirational => "strive to",
        TargetModality.Qualitative => "qualitative",
        _ => string.Empty,
    };

    public static string Id(this TargetNature nature) => nature switch
    {
        TargetNature.Binding => "binding",
        TargetNature.Indicative => "indicative",
        _ => "unspecified",
    };

    public static string Zh(this TargetNature nature) => nature switch
    {
        TargetNature.Binding => "约束性",
        TargetNature.Indicative => "预期性",
        _ => "未明确（不作否决）",
    };

    public static string En(this TargetNature nature) => nature switch
    {
        TargetNature.Binding => "binding",
        TargetNature.Indicative => "indicative",
        _ => "not stated (no veto)",
    };
}

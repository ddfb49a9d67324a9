namespace PeakMonitor.Domain.Kpis;

/// <summary>Which way is better for the KPI's value (action-plan-kpis.md §1 "Dir").</summary>
public enum KpiDirection
{
    /// <summary>↑: a larger value is better (shares, capacities, reductions).</summary>
    HigherIsBetter,

    /// <summary>↓: a smaller value is better (ceilings, consumption to be reduced).</summary>
    LowerIsBetter,
}

/// <summary>The qualifier the plan puts on a target; it changes how the target is judged (§1 "Modality", §5.3).</summary>
public enum TargetModality
{
    /// <summary>No qualifier: a firm number.</summary>
    Firm,

    /// <summary>左右 "about": met within a tolerance band.</summary>
    About,

    /// <summary>以上 / 不低于 "at least", a floor.</summary>
    AtLeast,

    /// <summary>以内 "at most", a ceiling: on track means under it.</summary>
    AtMost,

    /// <summary>力争 "strive to": aspirational, reported apart from binding targets, never a veto.</summary>
    Aspirational,

    /// <summary>基本 / 全面 qualitative completeness: status-based, no number to path toward.</summary>
    Qualitative,
}

/// <summary>The shape of the expected path from baseline to target (§5.3).</summary>
public enum PathShape
{
    /// <summary>E(y) = B + (T − B)·(y − y0)/(yT − y0).</summary>
    Linear,

    /// <summary>A constant annual decline of the intensity, as Chinese plans state rates: I(y)/I(y0) = (1 − R_T)^((y − y0)/(yT − y0)).</summary>
    Geometric,
}

/// <summary>Where a target applies (§5.3 "target.scope").</summary>
public enum KpiScope
{
    National,
    Provincial,
    Sector,
    City,
    Park,
    Facility,
    Channel,
}

/// <summary>
/// What a KPI's value measures. It decides whom a national target can judge: a national absolute
/// total (GW, 亿m³, a count, the nation's coal use) never judges a province; a rate, share or
/// intensity judges a province only through the province's own target.
/// </summary>
public enum KpiMeasure
{
    /// <summary>An additive quantity (capacity, additions, stock volume, consumption): provinces add up to about the nation.</summary>
    Total,

    /// <summary>A ratio (intensity reduction, share, coverage): provinces do not add up; each has its own level.</summary>
    Rate,

    /// <summary>A dated event (the CO2 peak): each region has its own timetable (action plan 三(十), L715-717).</summary>
    Event,
}

/// <summary>Who a target judges (action-plan-kpis.md §1 "Scope").</summary>
public enum TargetSubject
{
    /// <summary>The national aggregate only (most of the plan's numbers).</summary>
    Nation,

    /// <summary>Every province on its own (省级电网 … 5%以上, L589): the nation's aggregate is not judged by it.</summary>
    EachProvince,

    /// <summary>The one province whose own plan sets it (from the provincial targets file).</summary>
    Province,
}

/// <summary>
/// 约束性 / 预期性: whether a target is binding (off track vetoes a 考核 grade) or indicative, as the
/// document that sets it says (the 14th Five-Year Plan outline's indicator table has an 属性 column).
/// </summary>
public enum TargetNature
{
    /// <summary>约束性: binding; off track vetoes the grade.</summary>
    Binding,

    /// <summary>预期性: indicative; reported and scored, never a veto.</summary>
    Indicative,

    /// <summary>No document found that says which: judged like an indicative target (no veto), and shown so.</summary>
    Unspecified,
}

/// <summary>Where a region's target comes from.</summary>
public enum TargetOrigin
{
    /// <summary>The national plan's own target (for the nation, or for each province where the plan says so).</summary>
    NationalPlan,

    /// <summary>A provincial target from a provincial plan, loaded from the targets file.</summary>
    Provincial,
}

/// <summary>
/// The NDRC barometer's (晴雨表) three warning levels, plus the states the barometer also shows
/// (anchors.md §12d): achieved early and no data; and the states of a province without a target of
/// its own. The order is the order of display.
/// </summary>
public enum KpiStatus
{
    /// <summary>已提前完成: the nominal target is met before its year (for the CO2 peak: peaked).</summary>
    AchievedEarly,

    /// <summary>基本达到（“左右”范围内）: inside the band of a 左右 target but short of its nominal value.</summary>
    WithinTolerance,

    /// <summary>三级 基本顺利: on or ahead of the path.</summary>
    OnTrack,

    /// <summary>二级 比较严峻: behind the path, but the required rate is within reach of recent performance.</summary>
    AtRisk,

    /// <summary>一级 十分严峻: behind the path and the required rate exceeds what recent performance shows, or the target was missed.</summary>
    OffTrack,

    /// <summary>无数据: no value, or no baseline to judge it against.</summary>
    NoData,

    /// <summary>无省级目标: a national rate target, and the province has no target of its own; the national path is a reference only.</summary>
    NoTarget,

    /// <summary>不适用 · 全国总量目标: a national absolute total never judges a province (nor a per-province target the nation).</summary>
    NotApplicable,
}

/// <summary>The annual target-responsibility assessment's grades (考核, anchors.md §12e).</summary>
public enum AssessmentGrade
{
    /// <summary>超额完成, score ≥ 95.</summary>
    Exceeded,

    /// <summary>完成, 80–94.</summary>
    Completed,

    /// <summary>基本完成, 60–79.</summary>
    BasicallyCompleted,

    /// <summary>未完成, below 60, or a missed binding target (veto).</summary>
    NotCompleted,

    /// <summary>无法评定（数据不全）: a binding target lacks the data to be judged, so no grade can be given.</summary>
    NotAssessable,
}

/// <summary>What a KPI's required and actual rates measure.</summary>
public enum RateKind
{
    /// <summary>Compound annual growth of the value, % per year.</summary>
    Growth,

    /// <summary>Constant annual decline of the intensity behind a reduction, % per year.</summary>
    IntensityDecline,

    /// <summary>Capacity added per year, GW per year.</summary>
    AdditionsPerYear,

    /// <summary>Compound annual growth of CO2 emissions, % per year.</summary>
    Co2Growth,

    /// <summary>Compound annual growth of coal consumption, % per year.</summary>
    CoalGrowth,
}

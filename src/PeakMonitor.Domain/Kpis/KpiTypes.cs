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

/// <summary>How the KPI's value is obtained from raw indicators.</summary>
public enum KpiFormula
{
    /// <summary>The KPI is catalogued, but the product does not collect its raw data yet.</summary>
    NoDataSource,

    NonFossilShare,
    EnergyIntensityReduction,
    CarbonIntensityReduction,
    CoalConsumptionTrend,
    Co2Peak,
    WindSolarCapacity,
    HydroAdditions,
    NewTypeStorageCapacity,
    PumpedHydroCapacity,
    PeakLoadResponse,
    ForestCoverage,
    ForestStock,
}

/// <summary>Where a region's target comes from.</summary>
public enum TargetOrigin
{
    /// <summary>The national plan's own target, for the nation.</summary>
    NationalPlan,

    /// <summary>No provincial target is known: the national target is applied, and marked so.</summary>
    NationalApplied,

    /// <summary>A provincial target from a provincial plan, loaded from the targets file.</summary>
    Provincial,
}

/// <summary>
/// The NDRC barometer's (晴雨表) three warning levels, plus the states the barometer also shows
/// (anchors.md §12d): achieved early and no data.
/// </summary>
public enum KpiStatus
{
    /// <summary>三级 基本顺利: on or ahead of the path.</summary>
    OnTrack,

    /// <summary>二级 比较严峻: behind the path, but the required rate is within reach of recent performance.</summary>
    AtRisk,

    /// <summary>一级 十分严峻: behind the path and the required rate exceeds what recent performance shows, or the target was missed.</summary>
    OffTrack,

    /// <summary>已提前完成: the target is met before its year.</summary>
    AchievedEarly,

    /// <summary>无数据: no value, or no baseline to judge it against.</summary>
    NoData,
}

/// <summary>The annual target-responsibility assessment's four grades (考核, anchors.md §12e).</summary>
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
}

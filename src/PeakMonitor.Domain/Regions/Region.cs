namespace PeakMonitor.Domain.Regions;

public enum RegionKind
{
    Nation,
    Municipality,
    Province,
    AutonomousRegion,
}

/// <summary>A catalogued region with its names (action-plan-kpis.md §5.4).</summary>
public sealed record Region(RegionCode Code, string NameZh, string ShortNameZh, string NameEn, RegionKind Kind);

using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Kpis;

/// <summary>A region's own target for a KPI (from its provincial peaking plan or decomposed intensity target).</summary>
public sealed record ProvincialTarget(string Kpi, RegionCode Region, KpiTarget Target);

using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Tests.Kpis;

/// <summary>Builds small indicator panels by hand for worked examples.</summary>
internal sealed class PanelBuilder
{
    private readonly List<Observation> _observations = [];

    public PanelBuilder Add(string region, string indicator, int year, double value)
    {
        _observations.Add(new Observation(IndicatorId.Parse(indicator), RegionCode.Parse(region), SectorId.All, Period.OfYear(year), value));
        return this;
    }

    public PanelBuilder AddMonth(string region, string indicator, int year, int month, double value)
    {
        _observations.Add(new Observation(IndicatorId.Parse(indicator), RegionCode.Parse(region), SectorId.All, Period.OfMonth(year, month), value));
        return this;
    }

    public PanelBuilder Series(string region, string indicator, params (int Year, double Value)[] points)
    {
        foreach (var (year, value) in points)
        {
            Add(region, indicator, year, value);
        }

        return this;
    }

    public IndicatorPanel Build() => IndicatorPanel.From(_observations);

    public static KpiResult One(IndicatorPanel panel, string kpi, string region, int year, string track = "main", KpiEngine? engine = null) =>
        (engine ?? new KpiEngine()).Compute(panel, [KpiCatalog.Get(kpi)], [RegionCode.Parse(region)], [year]).Single(r => r.Track == track);
}

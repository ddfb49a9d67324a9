using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Every KPI for every region and every year of the stored data, computed at one moment, with where
/// its numbers came from: the one set of results the dashboard, the API, reports and the CLI read
/// (through <see cref="Ports.IKpiResults"/>). Pure: built from a panel and an engine.
/// </summary>
public sealed class KpiResultSet
{
    private readonly Dictionary<(string Kpi, string Track, RegionCode Region), KpiResult[]> _series;
    private readonly Dictionary<(string Kpi, RegionCode Region), bool> _synthetic = [];

    public KpiResultSet(IndicatorPanel panel, KpiEngine engine, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(engine);
        Panel = panel;
        Engine = engine;
        ComputedAt = computedAt;
        var years = panel.YearSpan is { } span ? Enumerable.Range(span.First, span.Last - span.First + 1).ToArray() : [];
        Results = engine.Compute(panel, KpiCatalog.All, RegionCatalog.All.Select(r => r.Code), years);
        _series = Results.GroupBy(r => (r.Kpi, r.Track, r.Region)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Year).ToArray());
        Years = years;
        LatestCompleteYear = FindCompleteYear();
        PageYear = LatestCompleteYear ?? FindLatestOfficialYear();
    }

    public IndicatorPanel Panel { get; }

    public KpiEngine Engine { get; }

    public KpiJudgementOptions Options => Engine.Options;

    public IReadOnlyList<KpiResult> Results { get; }

    public DateTimeOffset ComputedAt { get; }

    public bool IsEmpty => Panel.YearSpan is null;

    /// <summary>Years of the results, oldest first.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>
    /// The year every page shows by default: the latest year with the nation's official data — the latest
    /// in which every binding national target has a value from non-synthetic data (a year with only a
    /// capacity release or GDP is not yet the year of record); without binding targets, the latest year in
    /// which any graded national KPI has one. Synthetic provincial data never extends it.
    /// </summary>
    public int? PageYear { get; }

    /// <summary>The latest year in which every binding national target has the data to be judged: the reports' default.</summary>
    public int? LatestCompleteYear { get; }

    public IReadOnlyList<KpiResult> Series(string kpi, string track, RegionCode region) =>
        _series.TryGetValue((kpi, track, region), out var s) ? s : [];

    public KpiResult? At(string kpi, string track, RegionCode region, int year)
    {
        foreach (var r in Series(kpi, track, region))
        {
            if (r.Year == year)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The latest result with a value up to <paramref name="year"/> (or at all).</summary>
    public KpiResult? LatestUpTo(string kpi, string track, RegionCode region, int? year = null) =>
        Series(kpi, track, region).LastOrDefault(r => (r.Value is not null || r.Peak is { LatestYear: not null }) && (year is null || r.Year <= year));

    /// <summary>Every KPI result of a region in a year; a year outside the stored span is computed on demand.</summary>
    public IReadOnlyList<KpiResult> For(RegionCode region, int year) =>
        Years.Contains(year)
            ? Results.Where(r => r.Region == region && r.Year == year).ToArray()
            : Engine.Compute(Panel, KpiCatalog.All, [region], [year]);

    /// <summary>A region's overall 考核 grade for a year.</summary>
    public KpiAssessment Assess(RegionCode region, int year) => KpiAssessment.Of(For(region, year), Options);

    /// <summary>Where a KPI's inputs for a region came from, each source once.</summary>
    public IReadOnlyList<string> Sources(KpiDefinition kpi, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Inputs.SelectMany(i => Panel.Sources(i, region)).Distinct().ToArray();
    }

    /// <summary>Whether synthetic data feeds this KPI for this region (the UI and reports must say so).</summary>
    public bool IsSynthetic(KpiDefinition kpi, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (!_synthetic.TryGetValue((kpi.Id, region), out var synthetic))
        {
            synthetic = kpi.Inputs.Any(i => Panel.IsSynthetic(i, region));
            lock (_synthetic)
            {
                _synthetic[(kpi.Id, region)] = synthetic;
            }
        }

        return synthetic;
    }

    /// <summary>
    /// The most doubtful flag among the inputs a result read, in its year and its baseline year:
    /// 待核实 (unverified) outranks 估算 (estimate); reported when none.
    /// </summary>
    public ObservationQuality Quality(KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!KpiCatalog.TryGet(result.Kpi, out var kpi))
        {
            return ObservationQuality.Reported;
        }

        var worst = ObservationQuality.Reported;
        foreach (var input in kpi.FormulaFor(result.Track).Inputs)
        {
            worst = (ObservationQuality)Math.Max((int)worst, (int)Panel.Quality(input, result.Region, result.Year));
            if (result.BaselineYear is { } y0)
            {
                worst = (ObservationQuality)Math.Max((int)worst, (int)Panel.Quality(input, result.Region, y0));
            }
        }

        return worst;
    }

    private int? FindLatestOfficialYear()
    {
        for (var i = Years.Count - 1; i >= 0; i--)
        {
            var year = Years[i];
            if (Results.Any(r => r.Year == year && r.Region.IsNational && r.Graded && r.Value is not null
                && KpiCatalog.TryGet(r.Kpi, out var k) && !IsSynthetic(k, RegionCode.National)))
            {
                return year;
            }
        }

        return Years.Count > 0 ? Years[^1] : null;
    }

    private int? FindCompleteYear()
    {
        for (var i = Years.Count - 1; i >= 0; i--)
        {
            var year = Years[i];
            var binding = Results.Where(r => r.Year == year && r.Region.IsNational && r.Binding && r.Status is not null).ToArray();
            if (binding.Length > 0 && binding.All(r => r.Status != KpiStatus.NoData && r.Value is not null)
                && binding.All(r => KpiCatalog.TryGet(r.Kpi, out var k) && !IsSynthetic(k, RegionCode.National)))
            {
                return year;
            }
        }

        return null;
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Ingestion.Kpis;

/// <summary>The outlooks and peak tests of one KPI result set, computed per region on first use and kept with the set.</summary>
public sealed class OutlookSet(KpiResultSet results, OutlookModel model)
{
    private readonly ConcurrentDictionary<RegionCode, IReadOnlyList<KpiOutlook>> _outlooks = new();
    private readonly ConcurrentDictionary<RegionCode, PeakTest?> _peaks = new();

    public KpiResultSet Results => results;

    public OutlookModel Model => model;

    /// <summary>Every KPI outlook of a region, each as of its latest year with data.</summary>
    public IReadOnlyList<KpiOutlook> For(RegionCode region) =>
        _outlooks.GetOrAdd(region, r => model.Evaluate(results.Panel, results.Engine, r, asOfYear: null));

    public KpiOutlook? Of(string kpi, string track, RegionCode region) =>
        For(region).FirstOrDefault(o => o.Kpi == kpi && o.Track == track);

    /// <summary>The CO2 peak test of a region as of its latest CO2 year, to the peak target's deadline.</summary>
    public PeakTest? Peak(RegionCode region) => _peaks.GetOrAdd(region, r =>
    {
        var (history, partial) = PeakTest.HistoryOf(results.Panel, r, Domain.Series.Period.MaxYear);
        if (history.Count == 0)
        {
            return null;
        }

        var deadline = results.Engine.TargetsFor(KpiCatalog.Get("co2_peak"), r).Select(t => (int?)t.TargetYear).FirstOrDefault() ?? model.Options.PeakHorizonYear;
        return PeakTest.Evaluate(history, r, partial?.Year ?? history[^1].Year, model, results.Options, deadline, partial);
    });
}

/// <summary>The one source of outlooks for pages, API, reports and CLI: follows <see cref="IKpiResults"/>, recomputed when the results are.</summary>
public interface IOutlookResults
{
    Task<OutlookSet> GetAsync(CancellationToken cancellationToken);
}

public sealed class OutlookResults(IKpiResults kpis, IOptions<OutlookOptions> options) : IOutlookResults
{
    private readonly OutlookModel _model = new(options.Value);
    private OutlookSet? _current;

    public async Task<OutlookSet> GetAsync(CancellationToken cancellationToken)
    {
        var results = await kpis.GetAsync(cancellationToken).ConfigureAwait(false);
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Results, results))
        {
            return current;
        }

        var fresh = new OutlookSet(results, _model);
        Volatile.Write(ref _current, fresh);
        return fresh;
    }
}

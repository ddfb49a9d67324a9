using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Ingestion.Targets;

namespace PeakMonitor.Ingestion.Kpis;

/// <summary>KPI engine settings for materialisation (section <c>Kpi</c>).</summary>
public sealed class KpiMaterializationOptions
{
    /// <summary>Provincial targets file; empty or missing: national targets apply everywhere.</summary>
    public string? ProvincialTargetsFile { get; set; } = Path.Combine("seed-data", "targets", "provincial-targets.csv");
}

/// <summary>
/// After an import, recomputes the KPIs whose inputs the import touched, for every region and every
/// year the data covers, and replaces them in the store's <c>kpi</c> measurement.
/// </summary>
public sealed class KpiMaterializer(ITimeSeriesReader reader, IKpiResultStore store, IOptions<KpiJudgementOptions> judgement, IOptions<KpiMaterializationOptions> options)
{
    /// <summary>Returns the number of KPI results written.</summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<IndicatorId> changedIndicators, CancellationToken cancellationToken)
    {
        var affected = KpiCatalog.Computable.Where(k => k.Inputs.Any(changedIndicators.Contains)).ToArray();
        if (affected.Length == 0)
        {
            return 0;
        }

        var panel = await IndicatorPanelLoader.LoadAsync(reader, affected, cancellationToken).ConfigureAwait(false);
        if (panel.YearSpan is not { } span)
        {
            return 0;
        }

        var provincial = await ProvincialTargetsReader.ReadOptionalAsync(options.Value.ProvincialTargetsFile, cancellationToken).ConfigureAwait(false);
        var results = new KpiEngine(judgement.Value, provincial).Compute(
            panel, affected, RegionCatalog.All.Select(r => r.Code), Enumerable.Range(span.First, span.Last - span.First + 1));
        return await store.ReplaceAsync(affected.Select(k => k.Id).ToArray(), results, cancellationToken).ConfigureAwait(false);
    }
}

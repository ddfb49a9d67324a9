using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.Ingestion.Targets;

namespace PeakMonitor.Web.Dashboard;

/// <summary>Every KPI for every region and year of the stored data, computed at one moment.</summary>
public sealed class DashboardSnapshot(IndicatorPanel panel, IReadOnlyList<KpiResult> results, DateTimeOffset computedAt)
{
    private readonly Dictionary<(string Kpi, string Track, RegionCode Region), KpiResult[]> _series = results
        .GroupBy(r => (r.Kpi, r.Track, r.Region))
        .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Year).ToArray());

    public IndicatorPanel Panel { get; } = panel;

    public IReadOnlyList<KpiResult> Results { get; } = results;

    public DateTimeOffset ComputedAt { get; } = computedAt;

    public bool IsEmpty => Panel.YearSpan is null;

    /// <summary>Years of the results, oldest first.</summary>
    public IReadOnlyList<int> Years { get; } = results.Select(r => r.Year).Distinct().Order().ToArray();

    public IReadOnlyList<KpiResult> Series(string kpi, string track, RegionCode region) =>
        _series.TryGetValue((kpi, track, region), out var s) ? s : [];

    public KpiResult? At(string kpi, string track, RegionCode region, int year) =>
        Series(kpi, track, region).FirstOrDefault(r => r.Year == year);

    /// <summary>The latest year with a value for this KPI in this region (or null).</summary>
    public KpiResult? Latest(string kpi, string track, RegionCode region) =>
        Series(kpi, track, region).LastOrDefault(r => r.Value is not null);

    /// <summary>Where this KPI's inputs for the region came from, e.g. "NBS Statistical Communiqué 2024; synthetic".</summary>
    public string SourcesOf(KpiDefinition kpi, RegionCode region, int max = 3)
    {
        var sources = kpi.Inputs.SelectMany(i => Panel.Sources(i, region)).Distinct().ToArray();
        return sources.Length <= max ? string.Join("; ", sources) : string.Join("; ", sources.Take(max)) + $"; … (+{sources.Length - max})";
    }

    /// <summary>Whether synthetic data feeds this KPI for this region.</summary>
    public bool IsSynthetic(KpiDefinition kpi, RegionCode region) => kpi.Inputs.Any(i => Panel.IsSynthetic(i, region));
}

/// <summary>
/// Reads the store through the domain port in one round trip, runs the KPI engine, and keeps the
/// result. A page never waits for that work once a snapshot exists: a snapshot older than
/// <see cref="DashboardOptions.CacheDuration"/> is still served while a fresh one is computed in the
/// background (one refresh at a time). Only the very first request, or the first after
/// <see cref="Invalidate"/>, waits. A page costs at most one query, however many provinces it shows.
/// </summary>
public sealed partial class DashboardData(ITimeSeriesReader reader, IOptions<KpiJudgementOptions> judgement, IOptions<KpiMaterializationOptions> targets, IOptions<DashboardOptions> options, TimeProvider time, ReadCache reads, ILogger<DashboardData> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DashboardSnapshot? _snapshot;
    private int _refreshing;

    /// <summary>Store queries made so far.</summary>
    public int Queries { get; private set; }

    public async Task<DashboardSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } current)
        {
            if (time.GetUtcNow() - current.ComputedAt >= options.Value.CacheDuration && Interlocked.Exchange(ref _refreshing, 1) == 0)
            {
                _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
            }

            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _snapshot ??= await ComputeAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the snapshot (after an import in this process): the next page waits for fresh numbers.</summary>
    public void Invalidate()
    {
        _snapshot = null;
        reads.Clear();
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            var fresh = await ComputeAsync(CancellationToken.None).ConfigureAwait(false);
            _snapshot = fresh;
        }
        catch (StoreException ex)
        {
            // Keep serving the last numbers; the pages say when they were computed.
            LogRefreshFailed(logger, ex.Message);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task<DashboardSnapshot> ComputeAsync(CancellationToken cancellationToken)
    {
        Queries++;
        var panel = await IndicatorPanelLoader.LoadAsync(reader, KpiCatalog.Computable, cancellationToken).ConfigureAwait(false);
        var provincial = await ProvincialTargetsReader.ReadOptionalAsync(targets.Value.ProvincialTargetsFile, cancellationToken).ConfigureAwait(false);
        var years = panel.YearSpan is { } span ? Enumerable.Range(span.First, span.Last - span.First + 1) : [];
        var results = new KpiEngine(judgement.Value, provincial).Compute(panel, KpiCatalog.All, RegionCatalog.All.Select(r => r.Code), years);
        return new DashboardSnapshot(panel, results, time.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard refresh failed; still showing the previous numbers: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}

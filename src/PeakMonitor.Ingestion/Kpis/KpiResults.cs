using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Ingestion.Targets;

namespace PeakMonitor.Ingestion.Kpis;

/// <summary>KPI results settings (configuration section <c>Kpi</c>, beside the judgement thresholds).</summary>
public sealed class KpiOptions
{
    /// <summary>Provincial targets file; empty or missing: provinces have no targets of their own.</summary>
    public string? ProvincialTargetsFile { get; set; } = Path.Combine("seed-data", "targets", "provincial-targets.csv");

    /// <summary>Age at which the kept results are recomputed in the background (the last ones are served meanwhile).</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The one place KPI results come from (<see cref="IKpiResults"/>): one bulk read of the store through
/// the domain port, the configured provincial targets file, the KPI engine; the result is kept. A
/// reader never waits once a set exists: a set older than <see cref="KpiOptions.RefreshAfter"/> is
/// still served while a fresh one is computed in the background (one at a time). Only the very first
/// read waits; an import in this process calls <see cref="RefreshAsync"/> before it reports success,
/// so the cold path after an import is paid by the import, not by a page.
/// </summary>
public sealed partial class KpiResults(ITimeSeriesReader reader, IOptions<KpiJudgementOptions> judgement, IOptions<KpiOptions> options, TimeProvider time, ILogger<KpiResults> logger, IVintageReader? vintages = null) : IKpiResults
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KpiResultSet? _current;
    private int _refreshing;
    private int _computations;

    /// <summary>Sets computed so far (each is one store query).</summary>
    public int Computations => Volatile.Read(ref _computations);

    public async Task<KpiResultSet> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            if (time.GetUtcNow() - current.ComputedAt >= options.Value.RefreshAfter && Interlocked.Exchange(ref _refreshing, 1) == 0)
            {
                _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
            }

            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _current ??= await ComputeAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<KpiResultSet> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _current = await ComputeAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<KpiResultSet> GetAsOfAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var all = vintages ?? reader as IVintageReader
            ?? throw new InvalidOperationException("This store cannot read earlier vintages.");
        return ComputeAsync(new AsOfReader(all, asOf), cancellationToken);
    }

    /// <summary>Forget the kept set: the next read waits for a fresh one (tests and the benchmark measure that cold path).</summary>
    public void Forget() => _current = null;

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            var fresh = await ComputeAsync(CancellationToken.None).ConfigureAwait(false);
            _current = fresh;
        }
        catch (Exception ex) when (ex is StoreException or Csv.CsvImportException)
        {
            // Keep serving the last numbers; pages say when they were computed.
            LogRefreshFailed(logger, ex.Message);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private Task<KpiResultSet> ComputeAsync(CancellationToken cancellationToken) => ComputeAsync(reader, cancellationToken);

    private async Task<KpiResultSet> ComputeAsync(ITimeSeriesReader from, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _computations);
        var panel = await IndicatorPanelLoader.LoadAsync(from, KpiCatalog.Computable, cancellationToken).ConfigureAwait(false);
        var provincial = await ProvincialTargetsReader.ReadOptionalAsync(options.Value.ProvincialTargetsFile, cancellationToken).ConfigureAwait(false);
        return new KpiResultSet(panel, new KpiEngine(judgement.Value, provincial), time.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "KPI refresh failed; still serving the previous results: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}

using PeakMonitor.Domain.Outlook;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.Ingestion.Targets;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// The backtest of the outlook model on past Five-Year Plans (seed-data/backtest/fyp-outcomes.csv under
/// the data root) for the methodology page and the API, computed once per KPI result set.
/// </summary>
public sealed class BacktestData(IOutlookResults outlooks, IConfiguration configuration, IWebHostEnvironment environment)
{
    private (OutlookSet Set, BacktestReport Report)? _current;

    public string FilePath => Path.Combine(configuration[DataPaths.RootKey] ?? environment.ContentRootPath, BacktestCasesReader.DefaultPath);

    /// <summary>The report, or null when the outcomes file is missing.</summary>
    public async Task<BacktestReport?> GetAsync(CancellationToken cancellationToken)
    {
        var set = await outlooks.GetAsync(cancellationToken).ConfigureAwait(false);
        if (_current is { } c && ReferenceEquals(c.Set, set))
        {
            return c.Report;
        }

        if (!File.Exists(FilePath))
        {
            return null;
        }

        var cases = await BacktestCasesReader.ReadFileAsync(FilePath, cancellationToken).ConfigureAwait(false);
        var report = Backtest.Run(set.Results.Panel, cases, set.Model);
        _current = (set, report);
        return report;
    }
}

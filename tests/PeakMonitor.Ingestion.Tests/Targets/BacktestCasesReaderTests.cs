using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Targets;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Targets;

public sealed class BacktestCasesReaderTests
{
    private const string Header = "plan,kpi,baseline_year,target_year,target,as_of,outcome,target_source,target_url,outcome_source,outcome_url,note\n";

    [Fact]
    public async Task ReadFileAsync_SeedFile_EveryCaseWithItsSourcesAndOutcomesOnlyWithSources()
    {
        var cases = await BacktestCasesReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "backtest", "fyp-outcomes.csv"), CancellationToken.None);

        Assert.Equal(6, cases.Count);
        Assert.Equal(["11th", "12th", "12th", "13th", "13th", "13th"], cases.Select(c => c.Plan));
        Assert.All(cases, c => Assert.StartsWith("http", c.TargetUrl, StringComparison.Ordinal));
        Assert.All(cases.Where(c => c.Outcome is not null), c => Assert.StartsWith("http", c.OutcomeUrl, StringComparison.Ordinal));
        Assert.All(cases, c => Assert.InRange(c.AsOfYear, c.BaselineYear + 1, c.TargetYear - 1));
    }

    [Fact]
    public async Task ReadAsync_BadRows_EveryProblemNamedWithItsLine()
    {
        var text = Header
            + "13th,water,2015,2020,15,2018,,doc,http://x,,,\n"
            + "13th,nonfossil_share,2015,2020,x,2018,15.9,doc,http://x,,,\n"
            + "13th,nonfossil_share,2015,2020,15,2021,,doc,http://x,,,\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => BacktestCasesReader.ReadAsync(new StringReader(text), "t.csv", CancellationToken.None));

        Assert.Contains(ex.Errors, e => e.Line == 2 && e.Column == "kpi");
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.Column == "target");
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.Column == "outcome_source");
        Assert.Contains(ex.Errors, e => e.Line == 4 && e.Column == "as_of");
    }
}

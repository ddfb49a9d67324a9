using System.Text.Json;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class OutlookCommandTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    // CN 2015–2020: energy 100, non-fossil share 10% → 15% (+1 point a year), GDP × 1.1, CO2 × 1.05.
    private static readonly string Data = "region,indicator,period,value,unit,source\n" + string.Concat(Enumerable.Range(2015, 6).Select(y =>
        FormattableString.Invariant($"CN,energy_total,{y},100,10k tce,test\nCN,energy_nonfossil,{y},{10 + (y - 2015)},10k tce,test\nCN,gdp_real,{y},{1000 * Math.Pow(1.1, y - 2015):0.######},100m CNY,test\nCN,co2_energy,{y},{500 * Math.Pow(1.05, y - 2015):0.######},10k t,test\n")));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Outlook_DataFileJson_ContractFieldsAndHandWorkedCertainty()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, stderr) = await Cli.RunAsync("outlook", "--data", file, "--region", "CN", "--kpi", "nonfossil_share", "--format", "json");

        Assert.True(exit == 0, stderr);
        var row = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Equal(("nonfossil_share", "CN", 2025), (row.GetProperty("kpi").GetString(), row.GetProperty("region").GetString(), row.GetProperty("deadline").GetInt32()));

        // +1 point a year on every path: 20% in 2025, the target met with certainty.
        Assert.Equal(1, row.GetProperty("probability").GetDouble());
        var quantiles = row.GetProperty("quantiles");
        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], quantiles.EnumerateObject().Select(p => p.Name));
        Assert.Equal(20, quantiles.GetProperty("2025").GetProperty("p50").GetDouble(), 9);
        Assert.Contains("block bootstrap", row.GetProperty("method").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlook_Table_ProbabilityInBothLanguages()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, _) = await Cli.RunAsync("outlook", "--data", file);

        Assert.Equal(0, exit);
        Assert.Contains("达标概率", stdout, StringComparison.Ordinal);
        Assert.Contains("carbon_intensity_reduction[vs2020]", stdout, StringComparison.Ordinal);
        Assert.Contains("方法 Method", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlook_SameSeedTwice_SameOutput()
    {
        var file = _dir.File("data.csv", Data.Replace("CN,energy_nonfossil,2017,12", "CN,energy_nonfossil,2017,13.4", StringComparison.Ordinal));

        var (_, first, _) = await Cli.RunAsync("outlook", "--data", file, "--format", "json", "--seed", "5");
        var (_, second, _) = await Cli.RunAsync("outlook", "--data", file, "--format", "json", "--seed", "5");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("--kpi", "nope", "'nope' is not a KPI")]
    [InlineData("--draws", "3", "Outlook:Draws must be between")]
    [InlineData("--region", "99", "'99' is not a region")]
    public async Task Outlook_BadArgument_Exit2WithReason(string option, string value, string reason)
    {
        var file = _dir.File("data.csv", Data);

        var (exit, _, stderr) = await Cli.RunAsync("outlook", "--data", file, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlook_Backtest_SeedData_TableWithBothBrierScoresAndSources()
    {
        var seed = Path.Combine(Repository.Root, "seed-data");

        var (exit, stdout, stderr) = await Cli.RunAsync("outlook", "--backtest", "--data", Path.Combine(seed, "national-cn.csv"), "--outcomes", Path.Combine(seed, "backtest", "fyp-outcomes.csv"));

        Assert.True(exit == 0, stderr);
        foreach (var text in new[] { "11th", "12th", "13th", "Brier", "模型 model", "线性外推 naive", "19.1", "http://cnfina.com/economy/20110610_16038.html" })
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Outlook_BacktestJson_ScoresInUnitInterval()
    {
        var seed = Path.Combine(Repository.Root, "seed-data");

        var (exit, stdout, stderr) = await Cli.RunAsync("outlook", "--backtest", "--data", Path.Combine(seed, "national-cn.csv"), "--outcomes", Path.Combine(seed, "backtest", "fyp-outcomes.csv"), "--format", "json");

        Assert.True(exit == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(6, report.GetProperty("rows").GetArrayLength());
        Assert.InRange(report.GetProperty("modelBrier").GetDouble(), 0, 1);
        Assert.InRange(report.GetProperty("naiveBrier").GetDouble(), 0, 1);
        Assert.All(report.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("outcome").ValueKind == JsonValueKind.Number),
            r => Assert.StartsWith("http", r.GetProperty("outcomeUrl").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outlook_BacktestOutcomeWithoutSource_Exit2NamingTheLine()
    {
        var file = _dir.File("data.csv", Data);
        var outcomes = _dir.File("outcomes.csv", "plan,kpi,baseline_year,target_year,target,as_of,outcome,target_source,target_url,outcome_source,outcome_url,note\n13th,nonfossil_share,2015,2020,15,2018,15.9,doc,http://x,,,\n");

        var (exit, _, stderr) = await Cli.RunAsync("outlook", "--backtest", "--data", file, "--outcomes", outcomes);

        Assert.Equal(2, exit);
        Assert.Contains("an outcome needs its document and address", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlook_FromStore_SameAsFromFiles()
    {
        var file = _dir.File("data.csv", Data);
        var database = "out_" + Guid.NewGuid().ToString("N")[..8];
        var (ingestExit, _, ingestErr) = await Cli.RunAsync("ingest", file, "--influx", influxd.Url.ToString(), "--database", database);
        Assert.True(ingestExit == 0, ingestErr);

        var (exit, fromStore, storeErr) = await Cli.RunAsync("outlook", "--influx", influxd.Url.ToString(), "--database", database, "--region", "CN", "--format", "json");
        var (_, fromFiles, _) = await Cli.RunAsync("outlook", "--data", file, "--region", "CN", "--format", "json");

        Assert.True(exit == 0, storeErr);
        Assert.Equal(fromFiles, fromStore);
    }
}

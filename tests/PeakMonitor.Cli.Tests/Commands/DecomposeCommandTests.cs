using System.Text.Json;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class DecomposeCommandTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    // 2020 → 2022: population flat, GDP × 1.1 per year, energy × 1.02, CO2 × 1.01.
    private const string Data = """
        region,indicator,period,value,unit,source
        44,population,2020,12600,10k persons,test
        44,population,2021,12600,10k persons,test
        44,population,2022,12600,10k persons,test
        44,gdp_real,2020,110000,100m CNY,test
        44,gdp_real,2021,121000,100m CNY,test
        44,gdp_real,2022,133100,100m CNY,test
        44,energy_total,2020,35000,10k tce,test
        44,energy_total,2021,35700,10k tce,test
        44,energy_total,2022,36414,10k tce,test
        44,co2_energy,2020,60000,10k t,test
        44,co2_energy,2021,60600,10k t,test
        44,co2_energy,2022,61206,10k t,test
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static double Effect(JsonElement row, string id) => row.GetProperty("effects").GetProperty(id).GetDouble();

    [Fact]
    public async Task Decompose_DataFileJson_ContractFieldsAndEffectsAddUp()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, stderr) = await Cli.RunAsync("decompose", "--data", file, "--region", "44", "--from", "2020", "--to", "2022", "--format", "json");

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(("44", 2020, 2022), (row.GetProperty("region").GetString(), row.GetProperty("from").GetInt32(), row.GetProperty("to").GetInt32()));
        Assert.Equal(1206, row.GetProperty("total").GetDouble(), 9);
        string[] ids = ["population", "affluence", "energy_intensity", "carbon_intensity_of_energy"];
        Assert.Equal(ids, row.GetProperty("effects").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1206, ids.Sum(id => Effect(row, id)), 6);
        Assert.Equal(0, Effect(row, "population"), 9);

        // L(61206, 60000) · ln(1.21): the weight times the log of GDP per person's ratio (Ang 2005, eq. 5).
        Assert.Equal((61206.0 - 60000) / Math.Log(61206.0 / 60000) * Math.Log(1.21), Effect(row, "affluence"), 6);
        Assert.Equal("10k t", row.GetProperty("unit").GetString());
        Assert.False(row.TryGetProperty("steps", out _));
    }

    [Fact]
    public async Task Decompose_Chain_StepsPerYearAndChainedSums()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, stderr) = await Cli.RunAsync("decompose", "--data", file, "--region", "44", "--from", "2020", "--to", "2022", "--format", "json", "--chain");

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement;
        var steps = row.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal([2020, 2021], steps.Select(s => s.GetProperty("from").GetInt32()));
        Assert.Equal(1206, row.GetProperty("chained").EnumerateObject().Sum(p => p.Value.GetDouble()), 6);
        Assert.Equal(steps.Sum(s => Effect(s, "energy_intensity")), row.GetProperty("chained").GetProperty("energy_intensity").GetDouble(), 9);
    }

    [Fact]
    public async Task Decompose_Table_EveryEffectInBothLanguagesAndTheTotal()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, _) = await Cli.RunAsync("decompose", "--data", file, "--region", "44", "--from", "2020", "--to", "2022");

        Assert.Equal(0, exit);
        Assert.Contains("广东 Guangdong (44)", stdout, StringComparison.Ordinal);
        foreach (var label in new[] { "人口规模", "人均GDP", "能耗强度 Energy intensity", "能源碳强度", "合计 Total", "1,206.0", "LMDI" })
        {
            Assert.Contains(label, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--region", "99", "not a region")]
    [InlineData("--from", "20x0", "--from '20x0' is not a year")]
    [InlineData("--to", "2019", "must come after --from 2020")]
    [InlineData("--to", "2023", "Region 44 (广东, Guangdong), 2023: population (年末常住人口) is missing")]
    public async Task Decompose_BadArgumentOrMissingData_Exit2WithReason(string option, string value, string reason)
    {
        var file = _dir.File("data.csv", Data);
        var args = new Dictionary<string, string> { ["--region"] = "44", ["--from"] = "2020", ["--to"] = "2022" };
        args[option] = value;

        var (exit, _, stderr) = await Cli.RunAsync(["decompose", "--data", file, .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decompose_ZeroEnergy_Exit2NamingRegionYearIndicator()
    {
        var file = _dir.File("data.csv", Data.Replace("44,energy_total,2022,36414", "44,energy_total,2022,0", StringComparison.Ordinal));

        var (exit, _, stderr) = await Cli.RunAsync("decompose", "--data", file, "--region", "44", "--from", "2020", "--to", "2022");

        Assert.Equal(2, exit);
        Assert.Contains("Region 44 (广东, Guangdong), 2022: energy_total", stderr, StringComparison.Ordinal);
        Assert.Contains("not positive", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decompose_FromStore_SameAsFromFiles()
    {
        var file = _dir.File("data.csv", Data);
        var database = "dec_" + Guid.NewGuid().ToString("N")[..8];
        var (ingestExit, _, ingestErr) = await Cli.RunAsync("ingest", file, "--influx", influxd.Url.ToString(), "--database", database);
        Assert.True(ingestExit == 0, ingestErr);

        var (exit, fromStore, storeErr) = await Cli.RunAsync("decompose", "--influx", influxd.Url.ToString(), "--database", database, "--region", "44", "--from", "2020", "--to", "2022", "--format", "json", "--chain");
        var (_, fromFiles, _) = await Cli.RunAsync("decompose", "--data", file, "--region", "44", "--from", "2020", "--to", "2022", "--format", "json", "--chain");

        Assert.True(exit == 0, storeErr);
        Assert.Equal(fromFiles, fromStore);
    }
}

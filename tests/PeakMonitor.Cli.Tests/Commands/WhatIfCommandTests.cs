using System.Globalization;
using System.Text.Json;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class WhatIfCommandTests : IDisposable
{
    // CN 2019–2021: GDP × 1.05, energy 100 (10 non-fossil, coal 60, oil 20, gas 10), CO2 200, wind 20,000 + solar 30,000 (10k kW) in 2021.
    private static readonly string Data = "region,indicator,period,value,unit,source\n" + string.Concat(Enumerable.Range(2019, 3).Select(y =>
        FormattableString.Invariant($"CN,gdp_real,{y},{1000 * Math.Pow(1.05, y - 2019):0.######},100m CNY,test\nCN,energy_total,{y},100,10k tce,test\nCN,energy_nonfossil,{y},10,10k tce,test\nCN,energy_coal,{y},60,10k tce,test\nCN,energy_oil,{y},20,10k tce,test\nCN,energy_gas,{y},10,10k tce,test\nCN,co2_energy,{y},200,10k t,test\nCN,cap_wind,{y},20000,10k kW,test\nCN,cap_solar,{y},{20000 + (5000 * (y - 2019))},10k kW,test\n")));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonElement Result(JsonElement row, string kpi, int year, string track = "main") =>
        row.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("kpi").GetString() == kpi && r.GetProperty("year").GetInt32() == year && r.GetProperty("track").GetString() == track);

    [Fact]
    public async Task WhatIf_Levers_HandWorkedValuesAndStatuses()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, stderr) = await Cli.RunAsync("whatif", "--data", file, "--region", "CN", "--gdp-growth", "5", "--energy-growth", "2", "--nonfossil-points", "1", "--wind-solar-additions", "100", "--format", "json");

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2021, row.GetProperty("baseYear").GetInt32());
        Assert.Equal(14, Result(row, "nonfossil_share", 2025).GetProperty("value").GetDouble(), 9);
        Assert.Equal(1400, Result(row, "wind_solar_capacity", 2030).GetProperty("value").GetDouble(), 9);
        Assert.Equal("on_track", Result(row, "wind_solar_capacity", 2030).GetProperty("status").GetString());
        Assert.Equal(5, row.GetProperty("levers").GetProperty("gdp-growth").GetDouble());
    }

    // CN 2011–2021: the non-fossil share rises by exactly one point a year to 15% in 2021 (no spread around its trend).
    private static readonly string SteadyHistory = "region,indicator,period,value,unit,source\n" + string.Concat(Enumerable.Range(2011, 11).Select(y =>
        FormattableString.Invariant($"CN,gdp_real,{y},{1000 * Math.Pow(1.05, y - 2011):0.######},100m CNY,test\nCN,energy_total,{y},100,10k tce,test\nCN,energy_nonfossil,{y},{y - 2006},10k tce,test\nCN,co2_energy,{y},{2 * (100 - (y - 2006))},10k t,test\n")));

    [Theory]
    [InlineData("3", 1.0)]
    [InlineData("1", 0.0)]
    public async Task WhatIf_SteadyHistory_ProbabilityInTheTargetYearAsThePathSays(string points, double expected)
    {
        // 2025 share = 15 + 4 × points against 20%: with no spread in the window the probability is 1 or 0.
        var file = _dir.File("steady.csv", SteadyHistory);

        var (exit, stdout, stderr) = await Cli.RunAsync("whatif", "--data", file, "--nonfossil-points", points, "--format", "json");

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(expected, Result(row, "nonfossil_share", 2025).GetProperty("probability").GetDouble());
        Assert.Equal(JsonValueKind.Null, Result(row, "nonfossil_share", 2030).GetProperty("probability").ValueKind);
    }

    [Fact]
    public async Task WhatIf_Table_ShowsTheProbabilityColumn()
    {
        var file = _dir.File("steady.csv", SteadyHistory);

        var (exit, stdout, stderr) = await Cli.RunAsync("whatif", "--data", file, "--nonfossil-points", "3", "--draws", "500");

        Assert.True(exit == 0, stderr);
        Assert.Contains("达标概率", stdout, StringComparison.Ordinal);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("nonfossil_share ", StringComparison.Ordinal) && l.Contains("2025", StringComparison.Ordinal) && l.Contains("100%", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nonfossil-points", "nonfossil_share", "main")]
    [InlineData("gdp-growth", "carbon_intensity_reduction", "vs2020")]
    [InlineData("energy-growth", "carbon_intensity_reduction", "vs2020")]
    [InlineData("wind-solar-additions", "wind_solar_capacity", "main")]
    public async Task WhatIf_Solve_TheSolutionPutBackMeetsTheTargetTo1e6(string lever, string kpi, string track)
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, stderr) = await Cli.RunAsync("whatif", "--data", file, "--solve", lever, "--for", kpi, "--track", track, "--format", "json");

        Assert.True(exit == 0, stderr + stdout);
        var solve = JsonDocument.Parse(stdout).RootElement.GetProperty("solve");
        var value = solve.GetProperty("value").GetDouble();
        var target = solve.GetProperty("target").GetDouble();
        var year = solve.GetProperty("year").GetInt32();

        // Put the solution back in as an ordinary scenario: the KPI meets the target.
        var (again, back, _) = await Cli.RunAsync("whatif", "--data", file, "--" + lever, value.ToString("R", CultureInfo.InvariantCulture), "--format", "json");
        Assert.Equal(0, again);
        Assert.Equal(target, Result(JsonDocument.Parse(back).RootElement, kpi, year, track).GetProperty("value").GetDouble(), 6);
    }

    [Theory]
    [InlineData("--gdp-growth", "50", "--gdp-growth must be between")]
    [InlineData("--solve", "rain", "'rain' is not a lever")]
    [InlineData("--region", "99", "is not a region")]
    public async Task WhatIf_BadArgument_Exit2WithReason(string option, string value, string reason)
    {
        var file = _dir.File("data.csv", Data);

        string[] extra = option == "--solve" ? ["--for", "nonfossil_share"] : [];

        var (exit, _, stderr) = await Cli.RunAsync(["whatif", "--data", file, option, value, .. extra]);

        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_SolveOutOfReach_Exit1WithReason()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, _) = await Cli.RunAsync("whatif", "--data", file, "--gdp-growth", "-10", "--solve", "energy-growth", "--for", "energy_intensity_reduction", "--track", "gross");

        Assert.Equal(1, exit);
        Assert.Contains("no energy-growth between", stdout, StringComparison.Ordinal);
    }
}

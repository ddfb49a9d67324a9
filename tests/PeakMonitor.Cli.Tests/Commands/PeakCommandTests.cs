using System.Text.Json;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class PeakCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string File(params double[] co2) => _dir.File("co2.csv", "region,indicator,period,value,unit,source\n" +
        string.Concat(co2.Select((v, i) => FormattableString.Invariant($"CN,co2_energy,{2015 + i},{v},10k t,test\n"))));

    [Fact]
    public async Task Peak_MonthsOfTheNextYear_AsOfThatYearEstimatedFromTheSameMonths()
    {
        // Annual 2015–2020, 2020 also by month (10 each), and January–March 2021 at 11: 2021 ≈ 120 × 1.1 = 132.
        var rows = new System.Text.StringBuilder("region,indicator,period,value,unit,source\n");
        double[] annual = [100, 104, 103, 110, 115, 120];
        for (var i = 0; i < annual.Length; i++)
        {
            rows.Append(FormattableString.Invariant($"CN,co2_energy,{2015 + i},{annual[i]},10k t,test\n"));
        }

        for (var m = 1; m <= 12; m++)
        {
            rows.Append(FormattableString.Invariant($"CN,co2_energy,2020-{m:00},10,10k t,test\n"));
        }

        for (var m = 1; m <= 3; m++)
        {
            rows.Append(FormattableString.Invariant($"CN,co2_energy,2021-{m:00},11,10k t,test\n"));
        }

        var (exit, stdout, stderr) = await Cli.RunAsync("peak", "--data", _dir.File("monthly.csv", rows.ToString()), "--format", "json");

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2021, row.GetProperty("asOf").GetInt32());
        var months = row.GetProperty("latestYearFromMonths");
        Assert.Equal(3, months.GetProperty("months").GetInt32());
        Assert.Equal(132, months.GetProperty("estimate").GetDouble(), 9);
        Assert.Equal(2021, row.GetProperty("observedMaxYear").GetInt32());
    }

    [Fact]
    public async Task Peak_FallingSeries_PeakedWithCertaintyAndContractFields()
    {
        var (exit, stdout, stderr) = await Cli.RunAsync("peak", "--data", File(110, 108, 105, 103, 100, 98), "--region", "CN", "--format", "json");

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1, row.GetProperty("probabilityPeaked").GetDouble());
        var only = Assert.Single(row.GetProperty("peakYearDistribution").EnumerateArray());
        Assert.Equal(2015, only.GetProperty("year").GetInt32());
        var plateau = row.GetProperty("plateau");
        Assert.False(plateau.GetProperty("plateau").GetBoolean());
        Assert.True(plateau.GetProperty("ciHighPercentPerYear").GetDouble() < 0);
    }

    [Fact]
    public async Task Peak_RisingSeries_NotPeakedAndPeakAtTheHorizonOrLater()
    {
        var (exit, stdout, stderr) = await Cli.RunAsync("peak", "--data", File(100, 102, 104.04, 106.1208, 108.243216, 110.40808032), "--format", "json");

        Assert.True(exit == 0, stderr);
        var row = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0, row.GetProperty("probabilityPeaked").GetDouble());
        var only = Assert.Single(row.GetProperty("peakYearDistribution").EnumerateArray());
        Assert.Equal((2030, true), (only.GetProperty("year").GetInt32(), only.GetProperty("orLater").GetBoolean()));
    }

    [Fact]
    public async Task Peak_Table_PlateauTestInBothLanguages()
    {
        var (exit, stdout, _) = await Cli.RunAsync("peak", "--data", File(100, 104, 103, 105, 104, 104.5));

        Assert.Equal(0, exit);
        Assert.Contains("已达峰概率 Probability already peaked", stdout, StringComparison.Ordinal);
        Assert.Contains("平台期检验 Plateau test", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peak_TooShortHistory_Exit2()
    {
        var (exit, _, stderr) = await Cli.RunAsync("peak", "--data", File(100, 101));

        Assert.Equal(2, exit);
        Assert.Contains("not enough CO2 history", stderr, StringComparison.Ordinal);
    }
}

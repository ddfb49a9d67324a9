using System.Text.Json;
using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Tests.Charts;

/// <summary>The decomposition charts' option JSON, against committed snapshots (written only with UPDATE_SNAPSHOTS=1).</summary>
public sealed class DecompositionChartsTests
{
    private static LmdiDecomposition Sample() =>
        LmdiDecomposition.Of(RegionCode.National, 2020, new KayaValues(141212, 1013567, 498314, 1011269), 2024, new KayaValues(140828, 1250040.3, 596000, 1147491));

    private static void Matches(string name, string json)
    {
        var path = Path.Combine(TestKit.Repository.Root, "tests", "PeakMonitor.Web.Tests", "Charts", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, json + "\n");
        }

        Assert.True(File.Exists(path), $"No snapshot {name}: run the tests once with UPDATE_SNAPSHOTS=1, review the file and commit it.");
        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), json);
    }

    [Fact]
    public void Waterfall_NationalFigures_MatchesSnapshot() =>
        Matches("decomposition-waterfall-zh.json", DecompositionCharts.Waterfall(Sample(), new UiLanguage()));

    [Fact]
    public void Waterfall_Steps_EachBarStartsWhereThePreviousEnded()
    {
        var d = Sample();
        using var json = JsonDocument.Parse(DecompositionCharts.Waterfall(d, new UiLanguage { English = true }));
        var series = json.RootElement.GetProperty("series");
        double? Value(int s, int i) => series[s].GetProperty("data")[i] switch
        {
            { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
            var o => o.GetProperty("value").GetDouble(),
        };

        var top = d.Start;
        for (var i = 0; i < 4; i++)
        {
            var effect = d.Effects[i].Value;
            var bar = Value(2, i + 1) ?? Value(3, i + 1)!.Value;
            var bottom = Value(0, i + 1)!.Value;

            // A rise sits on the previous top; a fall hangs from it.
            Assert.Equal(effect >= 0 ? top : top + effect, bottom, 3);
            Assert.Equal(Math.Abs(effect), bar, 3);
            top += effect;
        }

        Assert.Equal(d.End, Value(1, 5)!.Value, 3);
        var axisMin = json.RootElement.GetProperty("yAxis").GetProperty("min").GetDouble();
        Assert.InRange(axisMin, 0, Enumerable.Range(1, 4).Min(i => Value(0, i)!.Value));
        Assert.Equal(["2020", "Population", "GDP per person (affluence)", "Energy intensity of GDP", "Carbon intensity of energy (mix)", "2024"],
            json.RootElement.GetProperty("xAxis").GetProperty("data").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Chained_TwoSteps_OneBarPerEffectAndYearPlusTotalLine()
    {
        var steps = new[]
        {
            LmdiDecomposition.Of(RegionCode.National, 2020, new KayaValues(100, 1000, 500, 1000), 2021, new KayaValues(101, 1080, 510, 1010)),
            LmdiDecomposition.Of(RegionCode.National, 2021, new KayaValues(101, 1080, 510, 1010), 2022, new KayaValues(101, 1100, 505, 990)),
        };
        var chain = new LmdiChain(RegionCode.National, 2020, 2022, steps);

        using var json = JsonDocument.Parse(DecompositionCharts.Chained(chain, new UiLanguage()));

        var series = json.RootElement.GetProperty("series").EnumerateArray().ToArray();
        Assert.Equal(5, series.Length);
        Assert.All(series[..4], s => Assert.Equal(2, s.GetProperty("data").GetArrayLength()));
        Assert.Equal([10.0, -20.0], series[4].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
    }
}

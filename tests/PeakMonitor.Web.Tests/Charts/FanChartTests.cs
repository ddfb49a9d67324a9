using System.Text.Json;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Tests.Charts;

public sealed class FanChartTests
{
    private static readonly KpiDefinition Kpi = KpiCatalog.Get("nonfossil_share");

    private static IReadOnlyList<KpiResult> Series() => Enumerable.Range(2020, 4).Select(y => new KpiResult
    {
        Kpi = Kpi.Id, Region = RegionCode.National, Year = y, Track = "main", Unit = "%", BaselineYear = 2020, BaselineValue = 15.9,
        TargetYear = 2025, Target = 20, Value = 15.9 + ((y - 2020) * 0.7),
    }).ToArray();

    private static KpiOutlook Outlook() => new()
    {
        Kpi = Kpi.Id, Region = RegionCode.National, Track = "main", AsOfYear = 2023, BaselineYear = 2020, Deadline = 2025, Target = 20, Unit = "%",
        Direction = KpiDirection.HigherIsBetter, Latest = 18, Probability = 0.62, ChangesUsed = 3, Scale = ChangeScale.Additive, Method = "test",
        Quantiles = [new YearQuantiles(2024, 18, 18.4, 18.7, 19, 19.4), new YearQuantiles(2025, 18.5, 19.1, 19.6, 20.1, 20.8)],
    };

    [Fact]
    public void Trajectory_WithOutlook_BandsStackedOnTheLowerQuantileUpToTheDeadline()
    {
        var option = JsonDocument.Parse(ChartOptions.Trajectory(Kpi, Series(), new UiLanguage(), outlook: Outlook())).RootElement;

        Assert.Equal([2020, 2021, 2022, 2023, 2024, 2025], option.GetProperty("xAxis").GetProperty("data").EnumerateArray().Select(e => e.GetInt32()));
        var series = option.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        double?[] Data(string name) => series[name].GetProperty("data").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble()).ToArray();
        Assert.Equal([null, null, null, null, 18, 18.5], Data("fan-base-outer"));
        Assert.Equal([null, null, null, null, 1.4, 2.3], Data("概率区间 10–90%").Select(v => v is { } x ? Math.Round(x, 6) : (double?)null));
        Assert.Equal([null, null, null, null, 0.6, 1.0], Data("概率区间 25–75%").Select(v => v is { } x ? Math.Round(x, 6) : (double?)null));
        Assert.Equal(series["fan-base-outer"].GetProperty("stack").GetString(), series["概率区间 10–90%"].GetProperty("stack").GetString());
        Assert.Equal(0.62, option.GetProperty("fan").GetProperty("probability").GetDouble());

        // The actual line keeps one value per category.
        Assert.Equal(6, series["实际"].GetProperty("data").GetArrayLength());
    }

    [Fact]
    public void Trajectory_WithoutOutlook_TheOptionIsUnchanged()
    {
        var lang = new UiLanguage();

        Assert.Equal(ChartOptions.Of(ChartModels.Trajectory(Kpi, Series(), lang)), ChartOptions.Trajectory(Kpi, Series(), lang));
    }
}

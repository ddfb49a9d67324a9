using System.Text.Json;
using PeakMonitor.Domain.Events;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Tests.Charts;

public sealed class EventMarkersTests
{
    private static readonly Uri Source = new("https://example.org/doc");

    private static IReadOnlyList<KpiResult> Series() =>
        Enumerable.Range(2018, 6).Select(y => new KpiResult
        {
            Kpi = "nonfossil_share", Region = RegionCode.National, Year = y, Track = "main", Unit = "%", BaselineYear = 2020, BaselineValue = 15.9,
            TargetYear = 2025, Target = 20, Value = 15 + ((y - 2018) * 0.7),
        }).ToArray();

    private static PolicyEvent Event(int year, int month, int day, string zh, bool monthOnly = false) =>
        new(new DateOnly(year, month, monthOnly ? 1 : day), zh, "EN " + zh, PolicyEventKind.Plan, Source, monthOnly: monthOnly);

    [Fact]
    public void Trajectory_WithEvents_MarkerSeriesOnTheEventsYearIndex()
    {
        var events = new[] { Event(2020, 9, 22, "双碳目标"), Event(2021, 10, 1, "行动方案", monthOnly: true), Event(2021, 12, 10, "经济工作会议") };

        using var json = JsonDocument.Parse(ChartOptions.Trajectory(KpiCatalog.Get("nonfossil_share"), Series(), new UiLanguage(), events));

        var series = json.RootElement.GetProperty("series").EnumerateArray().ToArray();
        var markers = series[^1];
        Assert.Equal("政策节点", markers.GetProperty("name").GetString());
        Assert.Equal(0, markers.GetProperty("data").GetArrayLength());
        var lines = markers.GetProperty("markLine").GetProperty("data").EnumerateArray().ToArray();

        // Axis 2018 … 2025: 2020 is index 2, 2021 index 3 (its two events share one marker).
        Assert.Equal([2, 3], lines.Select(l => l.GetProperty("xAxis").GetInt32()));
        Assert.Equal("2021-10 2021-12", lines[1].GetProperty("label").GetProperty("formatter").GetString());
        Assert.Contains("2021-10 行动方案", lines[1].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(json.RootElement.GetProperty("legend").GetProperty("data").EnumerateArray(), n => n.GetString() == "政策节点");
    }

    [Fact]
    public void Trajectory_EventsOutsideTheAxis_NoMarkerSeries()
    {
        var kpi = KpiCatalog.Get("nonfossil_share");

        var withEvents = ChartOptions.Trajectory(kpi, Series(), new UiLanguage(), [Event(2010, 1, 1, "早年"), Event(2040, 1, 1, "远期")]);

        Assert.Equal(ChartOptions.Trajectory(kpi, Series(), new UiLanguage()), withEvents);
    }

    [Fact]
    public void Series_English_TitlesInEnglish()
    {
        var markers = EventMarkers.Series([2020, 2021], [Event(2020, 9, 22, "双碳目标")], new UiLanguage { English = true })!;

        Assert.Equal("Policy events", markers["name"]!.GetValue<string>());
        Assert.Equal("2020-09-22 EN 双碳目标", markers["markLine"]!["data"]![0]!["name"]!.GetValue<string>());
    }
}

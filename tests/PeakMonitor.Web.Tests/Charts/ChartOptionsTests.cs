using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Tests.Charts;

/// <summary>The option JSON a chart is drawn from, compared with a committed snapshot: a chart change is a visible diff.</summary>
public sealed class ChartOptionsTests
{
    private static IReadOnlyList<KpiResult> Series()
    {
        var kpi = KpiCatalog.Get("nonfossil_share");
        return Enumerable.Range(2020, 4).Select(y => new KpiResult
        {
            Kpi = kpi.Id, Region = RegionCode.National, Year = y, Track = "main", Unit = "%", BaselineYear = 2020, BaselineValue = 15.9,
            TargetYear = 2025, Target = 20, Value = 15.9 + ((y - 2020) * 0.7), Projected = y == 2023 ? 19.5 : null,
        }).ToArray();
    }

    /// <summary>
    /// A missing snapshot fails: it is written only when asked (UPDATE_SNAPSHOTS=1), so a test that has
    /// nothing to compare with cannot pass in CI.
    /// </summary>
    private static void Matches(string name, string json)
    {
        var path = SnapshotPath(name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json + "\n");
        }

        Assert.True(File.Exists(path), $"No snapshot {name}: run the tests once with UPDATE_SNAPSHOTS=1, review the file and commit it.");
        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), json);
    }

    private static string SnapshotPath(string name) => Path.Combine(TestKit.Repository.Root, "tests", "PeakMonitor.Web.Tests", "Charts", "Snapshots", name);

    [Fact]
    public void Matches_MissingSnapshot_Fails()
    {
        var name = $"missing-{Guid.NewGuid():N}.json";

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Matches(name, "{}"));
        Assert.False(File.Exists(SnapshotPath(name)), "a missing snapshot must not be written by a test run");
    }

    [Fact]
    public void Trajectory_ProvinceWithoutTarget_NationalPathAsAReference()
    {
        var kpi = KpiCatalog.Get("nonfossil_share");
        var series = Enumerable.Range(2020, 3).Select(y => new KpiResult
        {
            Kpi = kpi.Id, Region = RegionCode.Parse("44"), Year = y, Track = "main", Unit = "%", Value = 30 + y - 2020, Status = KpiStatus.NoTarget,
            ReferenceTarget = 20, ReferenceTargetYear = 2025, ReferenceExpected = 15.9 + ((y - 2020) * 0.82),
        }).ToArray();

        var json = System.Text.Json.JsonDocument.Parse(ChartOptions.Trajectory(kpi, series, new UiLanguage()));

        var path = json.RootElement.GetProperty("series")[1];
        Assert.Equal("全国路径（参考）", path.GetProperty("name").GetString());
        Assert.Equal([15.9, 16.72, 17.54], path.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void Trajectory_NonFossilShare_MatchesSnapshot() =>
        Matches("trajectory-nonfossil-zh.json", ChartOptions.Trajectory(KpiCatalog.Get("nonfossil_share"), Series(), new UiLanguage()));

    [Fact]
    public void Trajectory_English_LabelsTranslated() =>
        Matches("trajectory-nonfossil-en.json", ChartOptions.Trajectory(KpiCatalog.Get("nonfossil_share"), Series(), new UiLanguage { English = true }));

    [Fact]
    public void Sparkline_FourYears_MatchesSnapshot() =>
        Matches("sparkline.json", ChartOptions.Sparkline(Series()));

    [Fact]
    public void Trajectory_PathAndProjection_FromTheResults()
    {
        var json = System.Text.Json.JsonDocument.Parse(ChartOptions.Trajectory(KpiCatalog.Get("nonfossil_share"), Series(), new UiLanguage()));
        var series = json.RootElement.GetProperty("series");
        var path = series[1].GetProperty("data").EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray();
        var projection = series[2].GetProperty("data").EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray();

        // 2020–2025: path 15.9 → 20 linearly (action plan 二, L563); projection from 2023 (18.0) to 19.5 in 2025.
        Assert.Equal([15.9, 16.72, 17.54, 18.36, 19.18, 20.0], path);
        Assert.Equal([null, null, null, 18.0, 18.75, 19.5], projection);
        Assert.Equal("dashed", series[2].GetProperty("lineStyle").GetProperty("type").GetString());
    }

    /// <summary>One description, two renderers: the bars ECharts draws carry the model's status colours, in the model's order, with the status words as legend.</summary>
    [Fact]
    public void Of_Ranking_BarsInTheModelsStatusColoursWithStatusWords()
    {
        var kpi = KpiCatalog.Get("nonfossil_share");
        var rows = new (RegionCode, KpiResult?)[]
        {
            (RegionCode.Parse("44"), new KpiResult { Kpi = kpi.Id, Region = RegionCode.Parse("44"), Year = 2024, Track = "main", Unit = "%", Value = 30, Status = KpiStatus.OnTrack }),
            (RegionCode.Parse("11"), new KpiResult { Kpi = kpi.Id, Region = RegionCode.Parse("11"), Year = 2024, Track = "main", Unit = "%", Value = 12, Status = KpiStatus.OffTrack }),
            (RegionCode.Parse("13"), null),
        };
        var model = ChartModels.Ranking(kpi, rows, new UiLanguage());

        var json = System.Text.Json.JsonDocument.Parse(ChartOptions.Of(model)).RootElement;

        Assert.Equal(["广东", "北京"], json.GetProperty("yAxis").GetProperty("data").EnumerateArray().Select(e => e.GetString()));
        var bars = json.GetProperty("series")[0].GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(StatusColors.Of(KpiStatus.OnTrack), bars[0].GetProperty("itemStyle").GetProperty("color").GetString());
        Assert.Equal(StatusColors.Of(KpiStatus.OffTrack), bars[1].GetProperty("itemStyle").GetProperty("color").GetString());
        Assert.Equal(model.Series[0].PointColors, bars.Select(b => b.GetProperty("itemStyle").GetProperty("color").GetString()));
        Assert.Equal([KpiText.Status(KpiStatus.OnTrack, new UiLanguage()), KpiText.Status(KpiStatus.OffTrack, new UiLanguage())], json.GetProperty("legend").GetProperty("data").EnumerateArray().Select(e => e.GetString()));
    }
}

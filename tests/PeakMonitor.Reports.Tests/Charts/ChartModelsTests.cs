using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Tests.Charts;

/// <summary>The trajectory's chart model with an outlook: the fan the server's images draw.</summary>
public sealed class ChartModelsTests
{
    private static KpiResult[] Series() => Enumerable.Range(2020, 5).Select(y => new KpiResult
    {
        Kpi = "nonfossil_share", Region = RegionCode.National, Year = y, Track = "main", Unit = "%", BaselineYear = 2020, BaselineValue = 15.9,
        TargetYear = 2025, Target = 20, Value = 15.9 + ((y - 2020) * 0.7), Status = KpiStatus.OnTrack,
    }).ToArray();

    [Fact]
    public void Trajectory_WithOutlook_YearsRunToTheDeadlineAndTwoBandsFromTheQuantiles()
    {
        var outlook = ChartImagesTests.Outlook();

        var model = ChartModels.Trajectory(KpiCatalog.Get("nonfossil_share"), Series(), new UiLanguage(), outlook: outlook);

        Assert.Equal(outlook.Deadline.ToString(System.Globalization.CultureInfo.InvariantCulture), model.Categories[^1]);
        Assert.All(model.Series, s => Assert.Equal(model.Categories.Count, s.Values.Count));
        Assert.Equal(["概率区间 10–90%", "概率区间 25–75%"], model.Bands.Select(b => b.Name));
        var years = model.Categories.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var (outer, inner) = (model.Bands[0], model.Bands[1]);
        foreach (var q in outlook.Quantiles)
        {
            var i = years.IndexOf(q.Year);
            Assert.Equal((Math.Round(q.P10, 4), Math.Round(q.P90, 4)), (outer.Lower[i], outer.Upper[i]));
            Assert.Equal((Math.Round(q.P25, 4), Math.Round(q.P75, 4)), (inner.Lower[i], inner.Upper[i]));
        }

        // Rooted at the as-of year's value, empty before it.
        var root = years.IndexOf(outlook.AsOfYear);
        Assert.Equal((outlook.Latest, outlook.Latest), (outer.Lower[root], outer.Upper[root]));
        Assert.All(Enumerable.Range(0, root), i => Assert.Null(outer.Lower[i]));
    }
}

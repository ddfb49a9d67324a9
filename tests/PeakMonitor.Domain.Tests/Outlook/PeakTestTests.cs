using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Tests.Outlook;

public sealed class PeakTestTests
{
    private static readonly OutlookModel Model = new();
    private static readonly KpiJudgementOptions Judgement = new();

    private static (int Year, double Value)[] Series(int from, params double[] values) => values.Select((v, i) => (from + i, v)).ToArray();

    [Fact]
    public void Evaluate_FallingEveryYear_PeakedWithCertaintyAtTheObservedMaximum()
    {
        var test = PeakTest.Evaluate(Series(2015, 110, 108, 105, 103, 100, 98), RegionCode.National, 2020, Model, Judgement, 2030)!;

        Assert.Equal(1, test.ProbabilityPeaked);
        Assert.Equal(2015, test.ObservedMaxYear);
        var only = Assert.Single(test.PeakYearDistribution);
        Assert.Equal((2015, 1.0, false), (only.Year, only.Probability, only.OrLater));
    }

    [Fact]
    public void Evaluate_GrowingEveryYear_NotPeakedAndPeakAtTheHorizonOrLater()
    {
        var test = PeakTest.Evaluate(Series(2015, 100, 102, 104.04, 106.1208, 108.243216, 110.40808032), RegionCode.National, 2020, Model, Judgement, 2030)!;

        Assert.Equal(0, test.ProbabilityPeaked);
        var only = Assert.Single(test.PeakYearDistribution);
        Assert.Equal((2030, 1.0, true), (only.Year, only.Probability, only.OrLater));
        Assert.Equal(0, test.ProbabilityPeakByHorizon);
    }

    [Fact]
    public void Evaluate_MixedChanges_DistributionSumsToOneAndProbabilitiesInRange()
    {
        var test = PeakTest.Evaluate(Series(2010, 100, 104, 103, 106, 105, 107, 104, 106, 105, 103, 104), RegionCode.National, 2020, Model, Judgement, 2030)!;

        Assert.InRange(test.ProbabilityPeaked, 0, 1);
        Assert.Equal(1, test.PeakYearDistribution.Sum(p => p.Probability), 9);
        Assert.Equal(test.ProbabilityPeaked, test.PeakYearDistribution.Where(p => p.Year <= 2020).Sum(p => p.Probability), 9);
        Assert.True(test.PeakYearDistribution.Select(p => p.Year).SequenceEqual(test.PeakYearDistribution.Select(p => p.Year).Order()));
    }

    [Fact]
    public void Evaluate_TooShortHistory_Null()
    {
        Assert.Null(PeakTest.Evaluate(Series(2019, 100, 101), RegionCode.National, 2020, Model, Judgement));
    }

    [Fact]
    public void TrendTest_ThreePoints_HandWorkedSlopeAndT()
    {
        // x = 2020..2022, y = 1, 2, 4: b = Sxy/Sxx = 3/2; SSE = 1/6; se = √(SSE/1/2) = 0.2887; t = 5.196 < 12.706 (df 1).
        var test = TrendTest.Of(Series(2020, 1, 2, 4), 5)!;

        Assert.Equal(1.5, test.Slope, 12);
        Assert.Equal(Math.Sqrt(1.0 / 12), test.StandardError, 12);
        Assert.Equal(1.5 / Math.Sqrt(1.0 / 12), test.TStatistic, 9);
        Assert.Equal((1, 12.706), (test.DegreesOfFreedom, test.CriticalT));
        Assert.True(test.Plateau);
        Assert.Equal(1.5 / (7.0 / 3) * 100, test.SlopePercentPerYear, 9);
        Assert.True(test.CiLowPercentPerYear < 0 && test.CiHighPercentPerYear > 0);
    }

    [Fact]
    public void TrendTest_SteadyRise_DistinguishableFromZero()
    {
        var test = TrendTest.Of(Series(2016, 100, 103, 105, 108, 110), 5)!;

        Assert.False(test.Plateau);
        Assert.True(test.CiLowPercentPerYear > 0);
    }

    [Fact]
    public void TrendTest_WindowShorterThanHistory_UsesTheLastYearsOnly()
    {
        var test = TrendTest.Of(Series(2010, 50, 60, 70, 100, 100.5, 99.8, 100.2, 100.1), 5)!;

        Assert.Equal((2013, 2017, 5), (test.FromYear, test.ToYear, test.Points));
        Assert.True(test.Plateau);
    }
}

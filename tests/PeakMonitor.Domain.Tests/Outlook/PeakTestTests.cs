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

    /// <summary>CN energy CO2 2010–2023 annual (rising 1% a year to 2020, then flat at 2020's level), 2023 also by month (1/12 each).</summary>
    private static Tests.Kpis.PanelBuilder Co2WithMonths()
    {
        var b = new Tests.Kpis.PanelBuilder();
        for (var y = 2010; y <= 2023; y++)
        {
            b.Add("CN", "co2_energy", y, 1000 * Math.Pow(1.01, Math.Min(y, 2020) - 2010));
        }

        var in2023 = 1000 * Math.Pow(1.01, 10);
        for (var m = 1; m <= 12; m++)
        {
            b.AddMonth("CN", "co2_energy", 2023, m, in2023 / 12);
        }

        return b;
    }

    [Fact]
    public void HistoryOf_FirstMonthsOfTheNextYear_EstimatedFromTheSameMonthsAYearEarlier()
    {
        // January–June 2024 are 5% below January–June 2023: 2024 ≈ 2023 × 0.95.
        var b = Co2WithMonths();
        var in2023 = 1000 * Math.Pow(1.01, 10);
        for (var m = 1; m <= 6; m++)
        {
            b.AddMonth("CN", "co2_energy", 2024, m, in2023 / 12 * 0.95);
        }

        var (history, partial) = PeakTest.HistoryOf(b.Build(), RegionCode.National, 2030);

        Assert.Equal(2023, history[^1].Year);
        Assert.NotNull(partial);
        Assert.Equal(2024, partial.Year);
        Assert.Equal(6, partial.Months);
        Assert.Equal(0.95, partial.Ratio, 12);
        Assert.Equal(in2023 * 0.95, partial.Estimate, 9);
    }

    [Fact]
    public void Evaluate_PanelWithAPartialYear_AsOfThatYearWithTheRuleOnAnnualData()
    {
        var b = Co2WithMonths();
        var in2023 = 1000 * Math.Pow(1.01, 10);
        for (var m = 1; m <= 3; m++)
        {
            b.AddMonth("CN", "co2_energy", 2024, m, in2023 / 12 * 0.9);
        }

        var test = PeakTest.Evaluate(b.Build(), RegionCode.National, 2024, Model, Judgement, 2030)!;
        var annualOnly = PeakTest.Evaluate(Co2WithMonths().Build(), RegionCode.National, 2023, Model, Judgement, 2030)!;

        Assert.Equal(2024, test.AsOfYear);
        Assert.Equal(3, test.LatestYearFromMonths!.Months);
        Assert.Contains("2024 estimated from 3 months", test.Method, StringComparison.Ordinal);
        Assert.Equal(annualOnly.RuleState, test.RuleState);
        Assert.Equal(annualOnly.Plateau!.ToYear, test.Plateau!.ToYear);
        Assert.Equal(2023, annualOnly.AsOfYear);
        Assert.Null(annualOnly.LatestYearFromMonths);
    }

    [Fact]
    public void HistoryOf_MonthsWithoutTheSameMonthsAYearEarlier_NoEstimate()
    {
        // 2024 has months, 2023 only an annual value: no like-for-like comparison, so no estimate.
        var b = new Tests.Kpis.PanelBuilder().Add("CN", "co2_energy", 2022, 100).Add("CN", "co2_energy", 2023, 101);
        for (var m = 1; m <= 4; m++)
        {
            b.AddMonth("CN", "co2_energy", 2024, m, 8);
        }

        var (history, partial) = PeakTest.HistoryOf(b.Build(), RegionCode.National, 2030);

        Assert.Equal(2023, history[^1].Year);
        Assert.Null(partial);
    }
}

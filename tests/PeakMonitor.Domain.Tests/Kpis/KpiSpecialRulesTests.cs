using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Domain.Tests.Kpis;

public sealed class KpiSpecialRulesTests
{
    private static readonly KpiJudgementOptions Options = new();

    [Fact]
    public void PeakRule_MaximumThenTwoLowerYears_Peaked()
    {
        // §5.2: "the maximum plus ≥2 consecutive lower years"; the latest 1% or more below the maximum.
        var state = PeakRule.Evaluate([(2019, 98), (2020, 99), (2021, 101), (2022, 100), (2023, 99.5)], Options);

        Assert.Equal((PeakState.Peaked, (int?)2021), state);
    }

    [Theory]
    [InlineData(new[] { 98.0, 99, 100, 101, 102 })] // still rising
    [InlineData(new[] { 98.0, 99, 101, 100.5, 100.9 })] // only 0.1% below the maximum
    [InlineData(new[] { 98.0, 99, 100, 101, 100 })] // one lower year only
    [InlineData(new[] { 98.0, 101, 101, 101, 101 })] // a plateau has not turned down
    public void PeakRule_NotTurnedDownEnough_NotYet(double[] values) =>
        Assert.Equal(PeakState.NotYet, PeakRule.Evaluate(values.Select((v, i) => (2019 + i, v)).ToArray(), Options).State);

    [Fact]
    public void PeakRule_GapInTheYearsAfterTheMaximum_NotConfirmed() =>
        Assert.Equal(PeakState.NotYet, PeakRule.Evaluate([(2018, 90), (2019, 95), (2020, 101), (2022, 99), (2023, 98)], Options).State);

    [Fact]
    public void PeakRule_TooFewYears_Unknown() =>
        Assert.Equal(PeakState.Unknown, PeakRule.Evaluate([(2021, 101), (2022, 100), (2023, 99)], Options).State);

    [Fact]
    public void Co2Peak_PeakedIn2021_AchievedEarlyWithPeakYear()
    {
        // 一(一) L549, 二 L567: peak before 2030.
        var panel = new PanelBuilder().Series("CN", "co2_energy", (2018, 980), (2019, 990), (2020, 1000), (2021, 1010), (2022, 1000), (2023, 990)).Build();

        var r = PanelBuilder.One(panel, "co2_peak", "CN", 2023);

        Assert.Equal(2021, r.Value);
        Assert.Equal(PeakState.Peaked, r.Peak!.State);
        Assert.Equal(KpiStatus.AchievedEarly, r.Status);
    }

    [Fact]
    public void Co2Peak_SlowingFastEnough_OnCourseNeverVetoed()
    {
        // 2017→2020 +3%/yr, 2020→2023 +1%/yr: slowing by (3 − 1)/3 = 0.67 points a year, so growth reaches
        // zero in 1/0.67 = 1.5 → 2 years: a projected peak in 2025, before the 2030 deadline.
        var panel = new PanelBuilder().Series("CN", "co2_energy",
            (2017, 1000), (2018, 1030), (2019, 1061), (2020, 1092.7), (2021, 1103.6), (2022, 1114.7), (2023, 1125.9)).Build();

        var r = PanelBuilder.One(panel, "co2_peak", "CN", 2023);

        Assert.Null(r.Value);
        Assert.Equal(PeakState.NotYet, r.Peak!.State);
        Assert.Equal(2025, r.Peak.ProjectedPeakYear);
        Assert.Equal(KpiStatus.OnTrack, r.Status);
        Assert.Null(r.Grade);
        Assert.Equal(1.0, r.ActualAnnualRate!.Value, tolerance: 0.01);
    }

    [Fact]
    public void Co2Peak_NotPeakedBy2030_OffTrack()
    {
        var panel = new PanelBuilder().Series("CN", "co2_energy", Enumerable.Range(2020, 11).Select(y => (y, 1000.0 + y - 2020)).ToArray()).Build();

        var r = PanelBuilder.One(panel, "co2_peak", "CN", 2030);

        // No document found that makes the national peak 约束性: off track at the deadline, but no veto.
        Assert.Equal(KpiStatus.OffTrack, r.Status);
        Assert.Null(r.Grade);
    }

    [Fact]
    public void CoalTrend_14thFypGrowthBelow13thFyp_OnTrack()
    {
        // 二 L563: coal growth "strictly controlled" in 2021-25: 1.92%/yr in 2015-20, 0.90%/yr since.
        var panel = new PanelBuilder().Series("CN", "energy_coal", (2015, 100), (2020, 110), (2022, 112), (2023, 113)).Build();

        var r = PanelBuilder.One(panel, "coal_consumption_trend", "CN", 2023);

        Assert.Equal(100.0 * 1 / 112, r.Value!.Value, tolerance: 1e-9);
        Assert.Equal(KpiStatus.OnTrack, r.Status);
        Assert.Null(r.Target);
    }

    [Fact]
    public void CoalTrend_15thFypAbove2025Level_OffTrack()
    {
        // 二 L565: coal "gradually reduced" in 2026-30.
        var panel = new PanelBuilder().Series("CN", "energy_coal", (2025, 120), (2026, 119), (2027, 121)).Build();

        Assert.Equal(KpiStatus.OnTrack, PanelBuilder.One(panel, "coal_consumption_trend", "CN", 2026).Status);
        Assert.Equal(KpiStatus.OffTrack, PanelBuilder.One(panel, "coal_consumption_trend", "CN", 2027).Status);
    }
}

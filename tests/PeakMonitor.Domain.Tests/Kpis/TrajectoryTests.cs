using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Domain.Tests.Kpis;

public sealed class TrajectoryTests
{
    [Fact]
    public void ChainReductions_48Point4ThenMinus18_Is57Point7VersusBaseline()
    {
        // Action plan 二 (L563: −18% vs 2020 by 2025; L567: > −65% vs 2005 by 2030); action-plan-kpis.md §5.3 "Chained baselines".
        Assert.Equal(57.688, Trajectory.ChainReductions(48.4, 18), precision: 6);
    }

    [Theory]
    [InlineData(13.5, 5, 2.8589)] // L563: energy intensity −13.5% over 2021-25
    [InlineData(18, 5, 3.8913)] // L563: carbon intensity −18% over 2021-25
    [InlineData(9.5, 10, 0.9932)] // L647: commercial transport −9.5% over 2021-30
    [InlineData(10, 10, 1.0481)] // L647: national railways −10% over 2021-30
    public void ImpliedAnnualDecline_PlanTargets_MatchWorkedRates(double reduction, int years, double perYear) =>
        Assert.Equal(perYear, Trajectory.ImpliedAnnualDecline(reduction, years), tolerance: 1e-4);

    [Fact]
    public void Linear_NonFossilShare2023_ThreeFifthsOfTheWay()
    {
        // L563: ≈20% by 2025 from 15.9% in 2020: 15.9 + 4.1 × 3/5.
        Assert.Equal(18.36, Trajectory.Linear(15.9, 20, 2020, 2025, 2023), precision: 10);
        Assert.Equal(20, Trajectory.Linear(15.9, 20, 2020, 2025, 2027));
    }

    [Fact]
    public void GeometricReduction_EnergyIntensity2022_ConstantAnnualDecline()
    {
        // L563: −13.5% by 2025 vs 2020; after two years 1 − 0.865^(2/5).
        Assert.Equal(5.6360, Trajectory.GeometricReduction(13.5, 2020, 2025, 2022), tolerance: 1e-4);
    }

    [Fact]
    public void RequiredAnnualDecline_TenPercentDoneTwoYearsLeft_ClosesTheRest()
    {
        // §5.3: r = 1 − (I_T/I(y))^(1/(yT − y)), I_T/I(y) = 0.82/0.90.
        Assert.Equal(4.5479, Trajectory.RequiredAnnualDecline(10, 18, 2)!.Value, tolerance: 1e-4);
        Assert.Null(Trajectory.RequiredAnnualDecline(10, 18, 0));
    }

    [Fact]
    public void Progress_TargetEqualsBaseline_Undefined() =>
        Assert.Null(Trajectory.Progress(5, 3, 3));

    [Fact]
    public void Reduction_ZeroBaselineIntensity_Undefined() =>
        Assert.Null(Trajectory.Reduction(0.5, 0));

    [Fact]
    public void LinearTrend_ThreeYearsOnALine_ExtendsIt() =>
        Assert.Equal(7, Trajectory.LinearTrend([(2019, 1), (2020, 2), (2021, 3)], 2025)!.Value, precision: 10);
}

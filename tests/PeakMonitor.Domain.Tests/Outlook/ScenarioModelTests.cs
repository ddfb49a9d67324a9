using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Tests.Kpis;

namespace PeakMonitor.Domain.Tests.Outlook;

public sealed class ScenarioModelTests
{
    /// <summary>CN 2019–2021: GDP 1000 → 1100, energy 100 (10 non-fossil, 5 feedstock; coal 60, oil 20, gas 10), CO2 200, wind 20,000 + solar 20,000 (10k kW).</summary>
    private static IndicatorPanel Base()
    {
        var b = new PanelBuilder();
        for (var y = 2019; y <= 2021; y++)
        {
            var n = y - 2019;
            b.Add("CN", "gdp_real", y, 1000 * Math.Pow(1.05, n))
                .Add("CN", "energy_total", y, 100).Add("CN", "energy_nonfossil", y, 10).Add("CN", "energy_feedstock", y, 5)
                .Add("CN", "energy_coal", y, 60).Add("CN", "energy_oil", y, 20).Add("CN", "energy_gas", y, 10)
                .Add("CN", "co2_energy", y, 200).Add("CN", "cap_wind", y, 20000).Add("CN", "cap_solar", y, 20000 + (5000 * n));
        }

        return b.Build();
    }

    private static KpiResult At(ScenarioResult r, string kpi, int year, string track = "main") => r.Results.Single(x => x.Kpi == kpi && x.Year == year && x.Track == track);

    [Fact]
    public void Evaluate_Levers_HandWorkedValuesIn2025And2030()
    {
        var model = new ScenarioModel(Base(), RegionCode.National);
        var s = new Scenario { GdpGrowth = 5, EnergyGrowth = 2, NonFossilPoints = 1, WindSolarAdditions = 100 };

        var r = model.Evaluate(s);

        Assert.Equal(2021, model.BaseYear);

        // Share: 10% + 4 × 1 point in 2025, + 9 in 2030.
        Assert.Equal(14, At(r, "nonfossil_share", 2025).Value!.Value, 9);
        Assert.Equal(19, At(r, "nonfossil_share", 2030).Value!.Value, 9);

        // Capacity: 200 + 300 = 500 GW in 2021, + 100 GW a year.
        Assert.Equal(500 + 900, At(r, "wind_solar_capacity", 2030).Value!.Value, 9);

        // Carbon intensity vs 2020: CO2 ∝ fossil energy = E·(1 − s); GDP × 1.05 a year.
        var co2In2025 = 200 * (100 * Math.Pow(1.02, 4) * 0.86) / 90;
        var gdpIn2025 = 1000 * Math.Pow(1.05, 6);
        var expected = (1 - ((co2In2025 / gdpIn2025) / (200 / 1050.0))) * 100;
        Assert.Equal(expected, At(r, "carbon_intensity_reduction", 2025, "vs2020").Value!.Value, 9);
        Assert.NotEqual(KpiStatus.NoData, At(r, "carbon_intensity_reduction", 2025, "vs2020").Status);
    }

    [Fact]
    public void Evaluate_FasterGdp_HigherIntensityReductions()
    {
        var model = new ScenarioModel(Base(), RegionCode.National);

        var slow = model.Evaluate(new Scenario { GdpGrowth = 3 });
        var fast = model.Evaluate(new Scenario { GdpGrowth = 7 });

        Assert.True(At(fast, "carbon_intensity_reduction", 2025, "vs2020").Value > At(slow, "carbon_intensity_reduction", 2025, "vs2020").Value);
        Assert.True(At(fast, "energy_intensity_reduction", 2025).Value > At(slow, "energy_intensity_reduction", 2025).Value);
    }

    [Theory]
    [InlineData(Lever.NonFossilPoints, "nonfossil_share", "main")]
    [InlineData(Lever.WindSolarAdditions, "wind_solar_capacity", "main")]
    [InlineData(Lever.GdpGrowth, "carbon_intensity_reduction", "vs2020")]
    [InlineData(Lever.EnergyGrowth, "carbon_intensity_reduction", "vs2020")]
    [InlineData(Lever.EnergyGrowth, "energy_intensity_reduction", "main")]
    [InlineData(Lever.GdpGrowth, "energy_intensity_reduction", "gross")]
    public void Solve_OneLever_SolutionPutBackMeetsTheTargetTo1e6(Lever lever, string kpi, string track)
    {
        var model = new ScenarioModel(Base(), RegionCode.National);
        var scenario = new Scenario();

        var solved = model.Solve(scenario, lever, kpi, track);

        Assert.True(solved.Problem is null, solved.Problem);
        var value = model.ValueOf(scenario.With(lever, solved.Value!.Value), kpi, track, solved.Year);
        Assert.Equal(solved.Target, value!.Value, 6);
    }

    [Fact]
    public void Solve_NonFossilToTwentyPercentIn2025_ClosedForm()
    {
        // s(2025) = 10 + 4p = 20 → p = 2.5 points a year.
        var solved = new ScenarioModel(Base(), RegionCode.National).Solve(new Scenario(), Lever.NonFossilPoints, "nonfossil_share");

        Assert.Equal(2025, solved.Year);
        Assert.Equal(2.5, solved.Value!.Value, 6);
    }

    [Fact]
    public void Solve_LeverThatDoesNotMoveTheKpi_SaysSo()
    {
        var solved = new ScenarioModel(Base(), RegionCode.National).Solve(new Scenario(), Lever.WindSolarAdditions, "nonfossil_share");

        Assert.Null(solved.Value);
        Assert.Contains("does not move", solved.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_TargetOutOfReach_SaysSo()
    {
        // GDP falling 10% a year: even energy falling as fast leaves the gross intensity at its 2021 level, 4.8% below 2020 < 13.5%.
        var solved = new ScenarioModel(Base(), RegionCode.National).Solve(new Scenario { GdpGrowth = -10 }, Lever.EnergyGrowth, "energy_intensity_reduction", "gross");

        Assert.Null(solved.Value);
        Assert.Contains("no energy-growth between", solved.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LeverOutOfRange_ThrowsWithEveryProblem()
    {
        var model = new ScenarioModel(Base(), RegionCode.National);

        var ex = Assert.Throws<ArgumentException>(() => model.Evaluate(new Scenario { GdpGrowth = 50, WindSolarAdditions = -1 }));

        Assert.Contains("gdp-growth", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wind-solar-additions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoBaseYear_Throws()
    {
        var panel = new PanelBuilder().Add("CN", "gdp_real", 2020, 1).Build();

        Assert.Throws<ArgumentException>(() => new ScenarioModel(panel, RegionCode.National));
    }

    /// <summary>
    /// CN 2011–2021: energy 100, non-fossil 5 + the changes given (one per year from 2012), GDP + 5% a
    /// year, CO2 ∝ fossil energy; the last year is the scenarios' base year.
    /// </summary>
    private static IndicatorPanel History(Func<int, double> nonFossilChange)
    {
        var b = new PanelBuilder();
        var nonFossil = 5.0;
        for (var y = 2011; y <= 2021; y++)
        {
            if (y > 2011)
            {
                nonFossil += nonFossilChange(y);
            }

            var fossil = 100 - nonFossil;
            b.Add("CN", "gdp_real", y, 1000 * Math.Pow(1.05, y - 2011))
                .Add("CN", "energy_total", y, 100).Add("CN", "energy_nonfossil", y, nonFossil)
                .Add("CN", "energy_coal", y, fossil * 0.6).Add("CN", "energy_oil", y, fossil * 0.3).Add("CN", "energy_gas", y, fossil * 0.1)
                .Add("CN", "co2_energy", y, fossil * 2);
        }

        return b.Build();
    }

    [Theory]
    [InlineData(3, 1.0)]
    [InlineData(1, 0.0)]
    public void Probabilities_NoVariationInTheWindow_OneOrZeroAsThePathMeetsTheTarget(double points, double expected)
    {
        // Share 15% in 2021 after ten rises of exactly 1 point: no spread, so 2025 = 15 + 4p against 20%.
        var model = new ScenarioModel(History(_ => 1), RegionCode.National);

        var p = model.Evaluate(new Scenario { NonFossilPoints = points }, new OutlookModel()).ProbabilityOf("nonfossil_share", "main", 2025);

        Assert.Equal(expected, p);
    }

    [Fact]
    public void Probabilities_PathEndingOnTheTarget_HandWorkedBinomialShare()
    {
        // Changes alternate +1 / 0 (mean 0.5): the centred changes are ±0.5, five of each. With blocks of one,
        // four years of noise add up to 0.5 × (2k − 4), k ~ Binomial(4, ½); the solved path ends exactly on
        // 20%, so the target is met when k ≥ 2: (6 + 4 + 1) / 16 = 0.6875.
        var model = new ScenarioModel(History(y => y % 2 == 0 ? 1 : 0), RegionCode.National);
        var solved = model.Solve(new Scenario(), Lever.NonFossilPoints, "nonfossil_share");
        var outlook = new OutlookModel(new OutlookOptions { BlockLength = 1, Draws = 40_000 });

        var p = model.Evaluate(new Scenario().With(Lever.NonFossilPoints, solved.Value!.Value), outlook).ProbabilityOf("nonfossil_share", "main", 2025);

        Assert.Equal(0.6875, p!.Value, 0.01);
    }

    [Fact]
    public void Probabilities_SameSeed_SameNumbersAllWithinZeroAndOne()
    {
        var model = new ScenarioModel(History(y => (y * 7 % 5) * 0.4), RegionCode.National);
        var scenario = new Scenario { NonFossilPoints = 1.2, GdpGrowth = 4 };

        var first = model.Probabilities(scenario, new OutlookModel());
        var second = model.Probabilities(scenario, new OutlookModel());

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.All(first, p => Assert.InRange(p.Probability, 0, 1));
        Assert.Contains(first, p => p.Kpi == "carbon_intensity_reduction" && p.Year == 2025);
    }

    [Fact]
    public void Probabilities_ShortHistory_None()
    {
        // Two annual changes are fewer than the three the outlook needs.
        Assert.Empty(new ScenarioModel(Base(), RegionCode.National).Probabilities(new Scenario(), new OutlookModel()));
    }
}

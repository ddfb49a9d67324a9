using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Tests.Kpis;

/// <summary>
/// Hand-worked cases for the verdict rules: whom a target judges, the definition of energy intensity in
/// force, binding vs indicative, the deadline-aware peak rule, baselines that exist, the 左右 band, and no
/// grade without data. Each cites the document line it implements.
/// </summary>
public sealed class KpiVerdictTests
{
    private static KpiEngine EngineWith(params ProvincialTarget[] targets) => new(provincialTargets: targets);

    private static ProvincialTarget Own(string kpi, string region, KpiTarget target) =>
        new(kpi, RegionCode.Parse(region), target with { Source = "省级规划（测试）" });

    [Fact]
    public void WindSolar_ProvinceUnderNationalTotal_NotApplicableWithShareAndContribution()
    {
        // 三(一)2 (L579): 12亿千瓦以上 is a national total; provinces set their own (L715-717).
        // CN 534.96 GW (2020) → 1,407.34 GW (2024); Inner Mongolia 50.23 → 95.00 GW.
        var panel = new PanelBuilder()
            .Series("CN", "cap_wind", (2020, 28_153), (2024, 52_068)).Series("CN", "cap_solar", (2020, 25_343), (2024, 88_666))
            .Series("15", "cap_wind", (2020, 3_786), (2024, 7_000)).Series("15", "cap_solar", (2020, 1_237), (2024, 2_500))
            .Build();

        var r = PanelBuilder.One(panel, "wind_solar_capacity", "15", 2024);

        Assert.Equal(KpiStatus.NotApplicable, r.Status);
        Assert.Equal(95.0, r.Value!.Value, precision: 9);
        Assert.Equal(95.0 / 1407.34 * 100, r.ShareOfNational!.Value, precision: 9);
        Assert.Equal((95.0 - 50.23) / (1407.34 - 534.96) * 100, r.ContributionToNationalChange!.Value, precision: 9);
        Assert.Null(r.Target);
        Assert.Null(r.Grade);
        Assert.Equal(1200, r.ReferenceTarget);
    }

    [Fact]
    public void NonFossilShare_ProvinceWithoutOwnTarget_NoTargetWithNationalPathAsReference()
    {
        // 二 (L563): 20%左右 by 2025 is the nation's. National path 15.9% (2020) → 20% (2025): 17.54% in 2022.
        var panel = new PanelBuilder()
            .Series("CN", "energy_total", (2020, 1000), (2022, 1050)).Series("CN", "energy_nonfossil", (2020, 159), (2022, 180))
            .Series("44", "energy_total", (2020, 300), (2022, 320)).Series("44", "energy_nonfossil", (2020, 90), (2022, 100))
            .Build();

        var r = PanelBuilder.One(panel, "nonfossil_share", "44", 2022);

        Assert.Equal(KpiStatus.NoTarget, r.Status);
        Assert.Equal(31.25, r.Value!.Value, precision: 9);
        Assert.Equal((20.0, 2025), (r.ReferenceTarget!.Value, r.ReferenceTargetYear!.Value));
        Assert.Equal(15.9 + (4.1 * 2 / 5), r.ReferenceExpected!.Value, precision: 9);
        Assert.Null(r.Expected);
        Assert.Null(r.Grade);
    }

    [Fact]
    public void NonFossilShare_ProvinceWithOwnTarget_JudgedAgainstIt()
    {
        var own = Own("nonfossil_share", "44", new KpiTarget(2020, 2025, 32, TargetModality.AtLeast));
        var panel = new PanelBuilder().Series("44", "energy_total", (2020, 300), (2022, 320)).Series("44", "energy_nonfossil", (2020, 90), (2022, 100)).Build();

        var r = PanelBuilder.One(panel, "nonfossil_share", "44", 2022, engine: EngineWith(own));

        // Path 30% → 32%: 30.8% in 2022; 31.25% is ahead.
        Assert.Equal((TargetOrigin.Provincial, 32.0, 30.8), (r.TargetOrigin!.Value, r.Target!.Value, r.Expected!.Value));
        Assert.Equal(KpiStatus.OnTrack, r.Status);
    }

    [Fact]
    public void PeakLoadResponse_TargetForEachProvince_NationalAggregateNotJudged()
    {
        // 三(一)6 (L589): 省级电网基本具备5%以上的尖峰负荷响应能力 — each provincial grid.
        var panel = new PanelBuilder()
            .Series("CN", "dr_capacity", (2020, 3_000), (2024, 6_000)).Series("CN", "peak_load", (2020, 130_000), (2024, 150_000))
            .Series("44", "dr_capacity", (2020, 300), (2024, 600)).Series("44", "peak_load", (2020, 13_000), (2024, 15_000))
            .Build();

        var nation = PanelBuilder.One(panel, "peak_load_response", "CN", 2024);
        var guangdong = PanelBuilder.One(panel, "peak_load_response", "44", 2024);

        Assert.Equal(KpiStatus.NotApplicable, nation.Status);
        Assert.Equal(4, nation.Value!.Value, precision: 9);
        Assert.Equal((TargetOrigin.NationalPlan, 5.0), (guangdong.TargetOrigin!.Value, guangdong.Target!.Value));
        Assert.True(guangdong.Status!.Value.IsJudgement());
    }

    [Fact]
    public void EnergyIntensity_DefinitionInForce_DeductsFeedstockAndNonFossil()
    {
        // Since the 2024 communiqué: energy excluding feedstock use and non-fossil energy, per unit of GDP.
        // 2020: (1000 − 80 − 160)/100 = 7.6; 2024: (1100 − 110 − 220)/125 = 6.16 → −18.95%. Gross: 10 → 8.8, −12%.
        var panel = new PanelBuilder()
            .Series("CN", "energy_total", (2020, 1000), (2024, 1100)).Series("CN", "energy_feedstock", (2020, 80), (2024, 110))
            .Series("CN", "energy_nonfossil", (2020, 160), (2024, 220)).Series("CN", "gdp_real", (2020, 100), (2024, 125))
            .Build();

        var main = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2024);
        var gross = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2024, KpiTracks.Gross);

        Assert.Equal((1 - (6.16 / 7.6)) * 100, main.Value!.Value, precision: 9);
        Assert.False(main.OfficialFigure);
        Assert.True(main.Graded);
        Assert.Equal(12, gross.Value!.Value, precision: 9);
        Assert.False(gross.Graded);
    }

    [Fact]
    public void EnergyIntensity_NoFeedstockData_MainTrackIsThePublishedFigure()
    {
        // NDRC: 扣除原料用能和非化石能源消费量后 … “十四五”前3年累计降低约7.3%; white paper 2025: 前四年累计下降11.6%.
        var panel = new PanelBuilder()
            .Series("CN", "energy_intensity_plan_change", (2023, -7.3), (2024, -11.6)).Series("CN", "energy_intensity_change", (2024, -3.8))
            .Series("CN", "energy_total", (2020, 498_314), (2024, 596_000)).Series("CN", "gdp_real", (2020, 1_013_567), (2024, 1_241_000))
            .Build();

        var main = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2024);
        var official = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2024, KpiTracks.Official);
        var in2023 = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2023);

        Assert.Equal(11.6, main.Value!.Value, precision: 9);
        Assert.True(main.OfficialFigure);
        Assert.Equal(11.6, official.Value!.Value, precision: 9);
        Assert.Equal(7.3, in2023.Value!.Value, precision: 9);

        // Path −13.5% by 2025: 1 − 0.865^(4/5) = 10.95% in 2024; 11.6% is ahead: on track, graded, binding.
        Assert.Equal(KpiStatus.OnTrack, main.Status);
        Assert.True(main.Binding);
        Assert.NotEqual(AssessmentGrade.NotCompleted, main.Grade);
    }

    [Fact]
    public void OfficialTrack_YearOnYearChainedOntoTheLastCumulativeFigure()
    {
        // −7.3% to 2023, then −3.8% in 2024: 1 − 0.927 × 0.962 = 10.82%.
        var panel = new PanelBuilder().Series("CN", "energy_intensity_plan_change", (2023, -7.3)).Series("CN", "energy_intensity_change", (2024, -3.8)).Build();

        var r = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2024, KpiTracks.Official);

        Assert.Equal((1 - (0.927 * 0.962)) * 100, r.Value!.Value, precision: 9);
    }

    [Fact]
    public void NonFossilShare_OffTrackButNotDeclaredBinding_NoVeto()
    {
        // No document found that makes 20%左右 约束性: off track, scored, never a veto.
        // 2024 at 18.5% against the path's 19.18%; 2021 at 18.4%: recent growth 0.18%/yr vs 8.1% required.
        var panel = new PanelBuilder()
            .Series("CN", "energy_total", (2020, 1000), (2021, 1000), (2024, 1000))
            .Series("CN", "energy_nonfossil", (2020, 159), (2021, 184), (2024, 185))
            .Build();

        var r = PanelBuilder.One(panel, "nonfossil_share", "CN", 2024);

        Assert.Equal(KpiStatus.OffTrack, r.Status);
        Assert.Equal(TargetNature.Unspecified, r.Nature);
        Assert.False(r.Binding);
        Assert.Equal(80 * ((18.5 - 15.9) / (19.18 - 15.9)), r.Score!.Value, precision: 6);
        Assert.Equal(AssessmentGrade.BasicallyCompleted, r.Grade);
    }

    [Theory]
    [InlineData(TargetNature.Indicative, AssessmentGrade.BasicallyCompleted)]
    [InlineData(TargetNature.Binding, AssessmentGrade.NotCompleted)]
    public void ProvincialTarget_OffTrack_OnlyABindingOneVetoes(TargetNature nature, AssessmentGrade expected)
    {
        var own = Own("nonfossil_share", "44", new KpiTarget(2020, 2025, 20, TargetModality.Firm) { Nature = nature });
        var panel = new PanelBuilder()
            .Series("44", "energy_total", (2020, 1000), (2021, 1000), (2024, 1000))
            .Series("44", "energy_nonfossil", (2020, 159), (2021, 184), (2024, 185))
            .Build();

        var r = PanelBuilder.One(panel, "nonfossil_share", "44", 2024, engine: EngineWith(own));

        Assert.Equal(KpiStatus.OffTrack, r.Status);
        Assert.Equal(expected, r.Grade);
    }

    private static PanelBuilder Co2(params (int Year, double Value)[] points) => new PanelBuilder().Series("CN", "co2_energy", points);

    [Fact]
    public void Co2Peak_YearBeforeThePlan_ShownNotJudged()
    {
        // The plan covers 2021–2030 (baseline 2020): 2019 is not judged.
        var panel = Co2((2014, 900), (2015, 920), (2016, 940), (2017, 960), (2018, 980), (2019, 1000)).Build();

        var r = PanelBuilder.One(panel, "co2_peak", "CN", 2019);

        Assert.Null(r.Status);
        Assert.Null(r.Grade);
        Assert.NotNull(r.Peak);
    }

    [Fact]
    public void Co2Peak_NotSlowingBeforeDeadline_OffCourseButNeverVetoed()
    {
        // 2%/yr throughout: not slowing, no plateau → 一级, but before 2030 nothing is vetoed, even a binding target.
        var points = Enumerable.Range(2015, 10).Select(y => (y, 1000 * Math.Pow(1.02, y - 2015))).ToArray();
        var own = Own("co2_peak", "44", new KpiTarget(2020, 2030, 2030, TargetModality.AtMost) { Nature = TargetNature.Binding });
        var panel = new PanelBuilder().Series("CN", "co2_energy", points).Series("44", "co2_energy", points).Build();

        var nation = PanelBuilder.One(panel, "co2_peak", "CN", 2024);
        var province = PanelBuilder.One(panel, "co2_peak", "44", 2024, engine: EngineWith(own));

        Assert.Equal(KpiStatus.OffTrack, nation.Status);
        Assert.Null(nation.Grade);
        Assert.Equal(KpiStatus.OffTrack, province.Status);
        Assert.True(province.Binding);
        Assert.Null(province.Grade);
        Assert.Null(nation.Peak!.ProjectedPeakYear);
    }

    [Fact]
    public void Co2Peak_RecentTrendNotDistinguishableFromZero_PlateauOnCourse()
    {
        // Last five years 1003, 1000, 1004, 999, 1003: slope −0.1/yr, se 0.79, |t| 0.13 < t(3) 3.182 → plateau.
        var panel = Co2((2018, 1000), (2019, 1001), (2020, 1003), (2021, 1000), (2022, 1004), (2023, 999), (2024, 1003)).Build();

        var r = PanelBuilder.One(panel, "co2_peak", "CN", 2024);

        Assert.Equal(PeakState.NotYet, r.Peak!.State);
        Assert.True(r.Peak.Plateau);
        Assert.Equal(-0.1 / 1001.8 * 100, r.Peak.TrendSlopePercent!.Value, precision: 6);
        Assert.Equal(KpiStatus.OnTrack, r.Status);
    }

    [Fact]
    public void Co2Peak_SlowingTooSlowly_AtRisk()
    {
        // +3%/yr 2017–20, +2.5%/yr 2020–23: slowing 0.17 points a year, zero growth in 15 years (2038) > 2030.
        var points = new List<(int, double)>();
        var v = 1000.0;
        for (var y = 2017; y <= 2023; y++)
        {
            points.Add((y, v));
            v *= y < 2020 ? 1.03 : 1.025;
        }

        var r = PanelBuilder.One(Co2([.. points]).Build(), "co2_peak", "CN", 2023);

        Assert.Equal(2038, r.Peak!.ProjectedPeakYear);
        Assert.Equal(KpiStatus.AtRisk, r.Status);
        Assert.Null(r.Grade);
    }

    [Fact]
    public void Co2Peak_BindingDeadlinePassedWithoutPeak_Vetoed()
    {
        var own = Own("co2_peak", "44", new KpiTarget(2020, 2025, 2025, TargetModality.AtMost) { Nature = TargetNature.Binding });
        var panel = new PanelBuilder().Series("44", "co2_energy", Enumerable.Range(2018, 9).Select(y => (y, 1000.0 + y)).ToArray()).Build();

        var r = PanelBuilder.One(panel, "co2_peak", "44", 2026, engine: EngineWith(own));

        Assert.Equal(KpiStatus.OffTrack, r.Status);
        Assert.Equal(AssessmentGrade.NotCompleted, r.Grade);
    }

    [Fact]
    public void ForestStock_NoBaselineObservation_InterpolatedBetweenInventoriesAndFlagged()
    {
        // 三(八)2 (L689): 190亿立方米 by 2030. Inventories 175.6 (2018) and 194.93 (2021): 2020 ≈ 175.6 + 19.33 × 2/3.
        var panel = new PanelBuilder().Series("CN", "forest_stock", (2018, 175.6), (2021, 194.93), (2023, 206.76)).Build();

        var r = PanelBuilder.One(panel, "forest_stock_volume", "CN", 2023);

        Assert.Equal(175.6 + ((194.93 - 175.6) * 2 / 3), r.BaselineValue!.Value, precision: 9);
        Assert.True(r.BaselineEstimated);
        Assert.Contains("interpolation", r.Note, StringComparison.Ordinal);

        // 206.76 already exceeds 190: achieved early, and nothing is required any more.
        Assert.Equal(KpiStatus.AchievedEarly, r.Status);
        Assert.Null(r.RequiredAnnualRate);
    }

    [Fact]
    public void ForestStock_NoBaselineAtAll_MetTargetStillAchievedEarly()
    {
        var panel = new PanelBuilder().Series("CN", "forest_stock", (2023, 206.76)).Build();

        var r = PanelBuilder.One(panel, "forest_stock_volume", "CN", 2023);

        Assert.Null(r.BaselineValue);
        Assert.Equal(KpiStatus.AchievedEarly, r.Status);
    }

    [Fact]
    public void EnergyIntensity_FlowsAreNeverInterpolated()
    {
        var panel = new PanelBuilder().Series("CN", "energy_total", (2019, 990), (2021, 1010), (2022, 1000)).Series("CN", "gdp_real", (2019, 98), (2021, 102), (2022, 104)).Build();

        var r = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2022, KpiTracks.Gross);

        Assert.Equal(KpiStatus.NoData, r.Status);
        Assert.False(r.BaselineEstimated);
    }

    [Theory]
    [InlineData(2024, 198, KpiStatus.WithinTolerance)] // 19.8% vs 20%左右: within the ±0.5 band, not met
    [InlineData(2024, 201, KpiStatus.AchievedEarly)] // 20.1%: met before 2025
    [InlineData(2025, 196, KpiStatus.WithinTolerance)] // at the target year, 19.6% is basically met
    [InlineData(2025, 194, KpiStatus.OffTrack)] // 19.4% is outside the band at the target year
    public void NonFossilShare_AboutTarget_BandIsNotTheTarget(int year, double nonFossil, KpiStatus expected)
    {
        // 二 (L563): 非化石能源消费比重达到20%左右.
        var panel = new PanelBuilder().Series("CN", "energy_total", (2020, 1000), (year, 1000)).Series("CN", "energy_nonfossil", (2020, 159), (year, nonFossil)).Build();

        var r = PanelBuilder.One(panel, "nonfossil_share", "CN", year);

        Assert.Equal(expected, r.Status);
        if (expected == KpiStatus.AchievedEarly)
        {
            Assert.Null(r.RequiredAnnualRate);
        }
    }

    [Fact]
    public void Assessment_BindingKpiWithoutData_NotAssessableListingIt()
    {
        // 2025: non-fossil share known, energy intensity (binding) and CO2 not: no grade, and say why.
        var panel = new PanelBuilder().Series("CN", "energy_total", (2020, 1000), (2025, 1100)).Series("CN", "energy_nonfossil", (2020, 159), (2025, 220)).Build();
        var results = new KpiEngine().Compute(panel, KpiCatalog.All, [RegionCode.National], [2025]);

        var assessment = KpiAssessment.Of(results, new KpiJudgementOptions());

        Assert.Equal(AssessmentGrade.NotAssessable, assessment.Grade);
        Assert.Null(assessment.Score);
        Assert.Contains(assessment.Missing, r => r.Kpi == "energy_intensity_reduction" && r.Track == KpiTracks.Main);
        Assert.Contains(assessment.Missing, r => r.Kpi == "carbon_intensity_reduction" && r.Track == KpiTracks.Vs2020);
        Assert.DoesNotContain(assessment.Missing, r => !r.Binding);
    }

    [Fact]
    public void Assessment_ProvinceWithoutBindingTargets_NotGraded()
    {
        var panel = new PanelBuilder().Series("44", "energy_total", (2020, 300), (2024, 320)).Series("44", "energy_nonfossil", (2020, 90), (2024, 100)).Build();

        var assessment = KpiAssessment.Of(new KpiEngine().Compute(panel, KpiCatalog.All, [RegionCode.Parse("44")], [2024]), new KpiJudgementOptions());

        Assert.Null(assessment.Grade);
        Assert.Empty(assessment.Binding);
    }

    [Fact]
    public void ResultSet_SyntheticProvincialYear_DoesNotExtendThePageYear()
    {
        // National official data end in 2024; synthetic provinces reach 2025: pages show 2024.
        var observations = new List<Observation>();
        void Add(string region, string indicator, int year, double value, string? source) =>
            observations.Add(new Observation(IndicatorId.Parse(indicator), RegionCode.Parse(region), SectorId.All, Period.OfYear(year), value, source));
        foreach (var year in new[] { 2020, 2024 })
        {
            Add("CN", "energy_total", year, 1000, "NBS");
            Add("CN", "energy_nonfossil", year, year == 2020 ? 159 : 198, "NBS");
        }

        foreach (var year in new[] { 2020, 2024, 2025 })
        {
            Add("44", "energy_total", year, 300, IndicatorPanel.SyntheticSource);
            Add("44", "energy_nonfossil", year, 90, IndicatorPanel.SyntheticSource);
        }

        var set = new KpiResultSet(IndicatorPanel.From(observations), new KpiEngine(), DateTimeOffset.UnixEpoch);

        Assert.Equal(2025, set.Years[^1]);
        Assert.Equal(2024, set.PageYear);
    }

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData(" 2024 ", 2024)]
    [InlineData("1949", 1949)]
    [InlineData("2100", 2100)]
    public void TryParseYear_FourDigitsInRange_Parsed(string text, int expected)
    {
        Assert.True(Period.TryParseYear(text, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-01")]
    [InlineData("+2024")]
    [InlineData("1948")]
    [InlineData("2101")]
    [InlineData("20x4")]
    [InlineData("２０２４")]
    [InlineData("99999")]
    public void TryParseYear_AnythingElse_Refused(string? text) => Assert.False(Period.TryParseYear(text, out _));
}

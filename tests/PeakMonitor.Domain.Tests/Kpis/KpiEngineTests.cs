using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Tests.Kpis;

public sealed class KpiEngineTests
{
    /// <summary>Carbon intensity falling 48.4% over 2005–2020 (I = 1 → 0.516), with GDP held at 1000.</summary>
    private static PanelBuilder CarbonPanel(double co2In2023, double? co2In2025 = null)
    {
        var builder = new PanelBuilder()
            .Series("CN", "co2_energy", (2005, 1000), (2020, 516), (2023, co2In2023))
            .Series("CN", "gdp_real", (2005, 1000), (2020, 1000), (2023, 1000));
        if (co2In2025 is { } c)
        {
            builder.Add("CN", "co2_energy", 2025, c).Add("CN", "gdp_real", 2025, 1000);
        }

        return builder;
    }

    [Fact]
    public void NonFossilShare_2023_ValueExpectedProgressAndAboutTolerance()
    {
        // 二 (L563): ≈20% by 2025. 159/1000 = 15.9% in 2020; 198/1100 = 18.0% in 2023.
        var panel = new PanelBuilder()
            .Series("CN", "energy_total", (2020, 1000), (2023, 1100))
            .Series("CN", "energy_nonfossil", (2020, 159), (2023, 198))
            .Build();

        var r = PanelBuilder.One(panel, "nonfossil_share", "CN", 2023);

        Assert.Equal(18.0, r.Value!.Value, precision: 10);
        Assert.Equal((2020, 15.9, 2025, 20.0), (r.BaselineYear, r.BaselineValue!.Value, r.TargetYear, r.Target));
        Assert.Equal(18.36, r.Expected!.Value, precision: 10);
        Assert.Equal(-0.36, r.Gap!.Value, precision: 10);
        Assert.Equal(2.1 / 4.1 * 100, r.Progress!.Value, precision: 10);

        // 0.36 points behind is inside the ±0.5 band of a 左右 target: on track, and the year's target counts as met.
        Assert.Equal(KpiStatus.OnTrack, r.Status);
        Assert.Equal(AssessmentGrade.Completed, r.Grade);
        Assert.Equal(TargetModality.About, r.Modality);
        Assert.Equal(TargetOrigin.NationalPlan, r.TargetOrigin);
    }

    [Fact]
    public void CarbonIntensity_2025_OneResultPerBaselineTargetPair()
    {
        // 二 (L563, L567): −18% vs 2020 for 2025, more than −65% vs 2005 for 2030; I(2025) = 0.516 × 0.82.
        var panel = CarbonPanel(470, co2In2025: 423.12).Build();

        var results = new KpiEngine().Compute(panel, [KpiCatalog.Get("carbon_intensity_reduction")], [RegionCode.National], [2025]);

        var vs2020 = results.Single(r => r.Track == "vs2020");
        var vs2005 = results.Single(r => r.Track == "vs2005");
        Assert.Equal(18, vs2020.Value!.Value, precision: 9);
        Assert.Equal(KpiStatus.OnTrack, vs2020.Status);
        Assert.Equal(57.688, vs2005.Value!.Value, precision: 9);
        Assert.Equal(2005, vs2005.BaselineYear);
        Assert.Equal(65, vs2005.Target);

        // Geometric path vs 2005: 1 − 0.35^(20/25) = 56.82%; 57.69% is ahead of it, not yet at 65%,
        // which needs 1 − (0.35/0.42312)^(1/5) = 3.72% a year over 2026-30.
        Assert.Equal(56.8228, vs2005.Expected!.Value, tolerance: 1e-4);
        Assert.Equal(KpiStatus.OnTrack, vs2005.Status);
        Assert.Equal(3.7234, vs2005.RequiredAnnualRate!.Value, tolerance: 1e-4);
    }

    [Fact]
    public void CarbonIntensity_FarBehindWithSlowDecline_OffTrackAndVetoed()
    {
        // 2023: 9% below 2020 where the path asks 1 − 0.82^(3/5) = 11.23%; the required 5.07%/yr exceeds 1.5 × the recent 3.09%/yr.
        var r = PanelBuilder.One(CarbonPanel(516 * 0.91).Build(), "carbon_intensity_reduction", "CN", 2023, "vs2020");

        Assert.Equal(11.2255, r.Expected!.Value, tolerance: 1e-4);
        Assert.Equal(5.0738, r.RequiredAnnualRate!.Value, tolerance: 1e-4);
        Assert.Equal(3.0948, r.ActualAnnualRate!.Value, tolerance: 1e-4);
        Assert.Equal(KpiStatus.OffTrack, r.Status);

        // The score alone (80 × 9/11.23 = 64.1) would read 基本完成; a missed binding target vetoes it (anchors.md §12e).
        Assert.Equal(64.14, r.Score!.Value, tolerance: 0.01);
        Assert.Equal(AssessmentGrade.NotCompleted, r.Grade);
    }

    [Fact]
    public void CarbonIntensity_SlightlyBehindButReachable_AtRiskBasicallyCompleted()
    {
        var r = PanelBuilder.One(CarbonPanel(516 * 0.90).Build(), "carbon_intensity_reduction", "CN", 2023, "vs2020");

        Assert.Equal(KpiStatus.AtRisk, r.Status);
        Assert.Equal(71.27, r.Score!.Value, tolerance: 0.01);
        Assert.Equal(AssessmentGrade.BasicallyCompleted, r.Grade);
    }

    [Fact]
    public void CarbonIntensity_Projection_ContinuesRecentDecline()
    {
        // Recent decline 3.45%/yr (0.9 over three years) continued to 2025: 1 − 0.9 × 0.9^(2/3).
        var r = PanelBuilder.One(CarbonPanel(516 * 0.90).Build(), "carbon_intensity_reduction", "CN", 2023, "vs2020");

        Assert.Equal((1 - (0.9 * Math.Pow(0.9, 2.0 / 3))) * 100, r.Projected!.Value, precision: 9);
    }

    [Fact]
    public void EnergyIntensity_GrossTrackAheadOfPath_JudgedButNotGraded()
    {
        // 二 (L563): −13.5% vs 2020 by 2025; on the gross definition 2022 is at −8% against the path's −5.64%.
        var panel = new PanelBuilder()
            .Series("CN", "energy_total", (2020, 1000), (2022, 920))
            .Series("CN", "gdp_real", (2020, 100), (2022, 100))
            .Build();

        var r = PanelBuilder.One(panel, "energy_intensity_reduction", "CN", 2022, KpiTracks.Gross);

        Assert.Equal(8, r.Value!.Value, precision: 9);
        Assert.Equal(KpiStatus.OnTrack, r.Status);

        // The gross definition is a second, labelled track: never graded, never a veto.
        Assert.False(r.Graded);
        Assert.Null(r.Grade);
    }

    [Fact]
    public void WindSolar_StockSumsInGw_AchievedEarly()
    {
        // 三(一)2 (L579): ≥1,200 GW by 2030; 7,000 + 5,500 (10k kW) = 1,250 GW in 2024.
        var panel = new PanelBuilder()
            .Series("CN", "cap_wind", (2020, 28_153), (2024, 70_000))
            .Series("CN", "cap_solar", (2020, 25_343), (2024, 55_000))
            .Build();

        var r = PanelBuilder.One(panel, "wind_solar_capacity", "CN", 2024);

        Assert.Equal(1250, r.Value!.Value, precision: 9);
        Assert.Equal(534.96, r.BaselineValue!.Value, precision: 9);
        Assert.Equal(KpiStatus.AchievedEarly, r.Status);
    }

    [Fact]
    public void WindSolar_OnePartMissing_NoDataRatherThanPartialSum()
    {
        var panel = new PanelBuilder().Series("CN", "cap_wind", (2020, 28_153), (2024, 70_000)).Build();

        var r = PanelBuilder.One(panel, "wind_solar_capacity", "CN", 2024);

        Assert.Null(r.Value);
        Assert.Equal(KpiStatus.NoData, r.Status);
    }

    [Fact]
    public void NewTypeStorage_ZeroBaseline_ProgressWithoutDivisionByZero()
    {
        // 三(一)6 (L589): ≥30 GW by 2025 from nothing in 2020; 15 GW in 2023.
        var panel = new PanelBuilder().Series("CN", "cap_new_storage", (2020, 0), (2023, 1500)).Build();

        var r = PanelBuilder.One(panel, "new_type_storage_capacity", "CN", 2023);

        Assert.Equal((0.0, 15.0, 18.0, 50.0), (r.BaselineValue!.Value, r.Value!.Value, r.Expected!.Value, r.Progress!.Value));
        Assert.Equal(41.4214, r.RequiredAnnualRate!.Value, precision: 4);
        Assert.Null(r.ActualAnnualRate);
        Assert.Equal(KpiStatus.AtRisk, r.Status);
    }

    [Fact]
    public void NewTypeStorage_YearAfterTargetYear_JudgedAgainstTheFinalTarget()
    {
        var panel = new PanelBuilder().Series("CN", "cap_new_storage", (2020, 300), (2027, 3500)).Build();

        var r = PanelBuilder.One(panel, "new_type_storage_capacity", "CN", 2027);

        Assert.Equal((30.0, 30.0), (r.Target!.Value, r.Expected!.Value));
        Assert.Null(r.RequiredAnnualRate);
        Assert.Null(r.Projected);
        Assert.Equal(KpiStatus.OnTrack, r.Status);
    }

    [Fact]
    public void PumpedHydro_MissingBaselineYearFarFromObservations_NoDataNamingTheYear()
    {
        // 2014 and 2023 are nine years apart, beyond Kpi:MaxBaselineGapYears (5): no interpolation.
        var panel = new PanelBuilder().Series("CN", "cap_pumped_hydro", (2014, 3000), (2023, 5000)).Build();

        var r = PanelBuilder.One(panel, "pumped_hydro_capacity", "CN", 2023);

        Assert.Equal(50, r.Value);
        Assert.Equal(KpiStatus.NoData, r.Status);
        Assert.Contains("2020", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ForestCoverage_OwnTargetMetBeforeThePeriod_AchievedEarlyWithoutBackwardPath()
    {
        // A province's own 2025 target of 25%, already at 26% in 2020: no backward path.
        var own = new ProvincialTarget("forest_coverage", RegionCode.Parse("35"), new KpiTarget(2020, 2025, 25, TargetModality.Firm) { Source = "福建省林业规划" });
        var panel = new PanelBuilder().Series("35", "forest_coverage", (2020, 26), (2023, 26.1)).Build();

        var r = PanelBuilder.One(panel, "forest_coverage", "35", 2023, engine: new KpiEngine(provincialTargets: [own]));

        Assert.Equal(25, r.Expected);
        Assert.Null(r.Progress);
        Assert.Equal(KpiStatus.AchievedEarly, r.Status);
        Assert.Contains("already met", r.Note, StringComparison.Ordinal);
        Assert.Equal(TargetOrigin.Provincial, r.TargetOrigin);
        Assert.Null(r.RequiredAnnualRate);
    }

    [Fact]
    public void HydroAdditions_SecondFiveYearPlan_CountsFromEnd2025()
    {
        // 三(一)3 (L581): ≈40 GW added in each of 2021-25 and 2026-30.
        var panel = new PanelBuilder().Series("CN", "cap_hydro", (2020, 33_000), (2025, 37_100), (2027, 38_700)).Build();

        var first = PanelBuilder.One(panel, "hydro_capacity_additions", "CN", 2025);
        var second = PanelBuilder.One(panel, "hydro_capacity_additions", "CN", 2027);

        Assert.Equal((41.0, KpiStatus.OnTrack), (first.Value!.Value, first.Status!.Value));
        Assert.Equal(2025, second.BaselineYear);
        Assert.Equal(16, second.Value!.Value, precision: 9);
        Assert.Equal(16, second.Expected!.Value, precision: 9);
        Assert.Equal(8, second.RequiredAnnualRate!.Value, precision: 9);
    }

    [Fact]
    public void ForestStock_BehindLinearPath_ProgressAndProjection()
    {
        // 三(八)2 (L689): 190 (100m m3) by 2030. 175 in 2020, then 176, 177, 178: 3 of 15 covered by 2023,
        // where the path asks 4.5; the trend (+1 a year) reaches 185 in 2030.
        var panel = new PanelBuilder().Series("CN", "forest_stock", (2020, 175), (2021, 176), (2022, 177), (2023, 178)).Build();

        var r = PanelBuilder.One(panel, "forest_stock_volume", "CN", 2023);

        Assert.Equal((178.0, 179.5, -1.5, 20.0), (r.Value!.Value, r.Expected!.Value, r.Gap!.Value, r.Progress!.Value));
        Assert.Equal(185, r.Projected!.Value, precision: 9);
        Assert.Equal((Math.Pow(190.0 / 178, 1.0 / 7) - 1) * 100, r.RequiredAnnualRate!.Value, precision: 9);
        Assert.Equal((Math.Pow(178.0 / 175, 1.0 / 3) - 1) * 100, r.ActualAnnualRate!.Value, precision: 9);

        // Required 0.94%/yr exceeds 1.5 × the recent 0.57%/yr (0.85%/yr): off track. No document makes the
        // 190 binding, so there is no veto: the grade is the score's, 53.3 → 未完成.
        Assert.Equal(KpiStatus.OffTrack, r.Status);
        Assert.False(r.Binding);
        Assert.Equal(80 * 3 / 4.5, r.Score!.Value, precision: 9);
        Assert.Equal(AssessmentGrade.NotCompleted, r.Grade);
    }

    [Fact]
    public void PumpedHydro_AboutTarget_WithinRelativeBandAtTargetYearIsBasicallyMet()
    {
        // 三(一)6 (L589): ≈120 GW by 2030; 117.5 GW is within the ±2.5% band of a 左右 target but short of 120.
        var panel = new PanelBuilder().Series("CN", "cap_pumped_hydro", (2020, 3149), (2030, 11_750)).Build();

        var r = PanelBuilder.One(panel, "pumped_hydro_capacity", "CN", 2030);

        Assert.Equal(117.5, r.Value!.Value, precision: 9);
        Assert.Equal(KpiStatus.WithinTolerance, r.Status);
        Assert.Equal(AssessmentGrade.Completed, r.Grade);
    }

    [Fact]
    public void PeakLoadResponse_ShareOfProvincialPeak()
    {
        // 三(一)6 (L589): ≥5% of the provincial peak load by 2030.
        var panel = new PanelBuilder()
            .Series("44", "dr_capacity", (2020, 300), (2024, 600))
            .Series("44", "peak_load", (2020, 13_000), (2024, 15_000))
            .Build();

        var r = PanelBuilder.One(panel, "peak_load_response", "44", 2024);

        Assert.Equal(4, r.Value!.Value, precision: 9);
        Assert.Equal(300.0 / 13_000 * 100, r.BaselineValue!.Value, precision: 9);
    }

    [Fact]
    public void ProvinceWithNoData_NothingJudgedNothingGraded()
    {
        var panel = new PanelBuilder().Series("CN", "energy_total", (2020, 1000)).Build();

        var results = new KpiEngine().Compute(panel, KpiCatalog.All, [RegionCode.Parse("54")], [2023]);

        Assert.All(results, r => Assert.Contains(r.Status!.Value, new[] { KpiStatus.NoData, KpiStatus.NoTarget, KpiStatus.NotApplicable }));
        Assert.All(results, r => Assert.Null(r.Value));
        Assert.All(results, r => Assert.Null(r.Grade));
    }

    [Fact]
    public void KpiWithoutDataSource_ListedWithTargetAndMarked()
    {
        var r = PanelBuilder.One(new PanelBuilder().Build(), "recycled_resources_volume", "CN", 2024);

        Assert.Equal(KpiStatus.NoData, r.Status);
        Assert.Equal(4.5, r.Target);
        Assert.Equal(2025, r.TargetYear);
        Assert.Contains("no data source yet", r.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ProvincialTarget_FromFile_JudgesOnlyItsProvince()
    {
        var own = new ProvincialTarget("energy_intensity_reduction", RegionCode.Parse("44"), new KpiTarget(2020, 2025, 14, TargetModality.Firm) { Source = "广东省碳达峰实施方案" });
        var engine = new KpiEngine(provincialTargets: [own]);
        var panel = new PanelBuilder().Build();

        var guangdong = PanelBuilder.One(panel, "energy_intensity_reduction", "44", 2023, engine: engine);
        var guangxi = PanelBuilder.One(panel, "energy_intensity_reduction", "45", 2023, engine: engine);

        Assert.Equal((14.0, TargetOrigin.Provincial, "广东省碳达峰实施方案"), (guangdong.Target!.Value, guangdong.TargetOrigin!.Value, guangdong.TargetSource));

        // No "national target applied": a province without its own is not judged, the national one is a reference.
        Assert.Equal(KpiStatus.NoTarget, guangxi.Status);
        Assert.Null(guangxi.Target);
        Assert.Null(guangxi.TargetOrigin);
        Assert.Equal((13.5, 2025), (guangxi.ReferenceTarget!.Value, guangxi.ReferenceTargetYear!.Value));
    }

    [Fact]
    public void YearBeforeBaseline_ShownNotJudged()
    {
        var panel = new PanelBuilder().Series("CN", "cap_pumped_hydro", (2015, 2300), (2020, 3149)).Build();

        var r = PanelBuilder.One(panel, "pumped_hydro_capacity", "CN", 2015);

        Assert.Equal(23, r.Value);
        Assert.Null(r.Status);
        Assert.Null(r.Expected);
    }

    [Fact]
    public void MonthlyOnlyCapacity_DecemberIsTheYearEnd()
    {
        var storage = IndicatorId.Parse("cap_new_storage");
        var coal = IndicatorId.Parse("energy_coal");
        var observations = Enumerable.Range(1, 12).SelectMany(m => new[]
        {
            new Observation(storage, RegionCode.National, SectorId.All, Period.OfMonth(2023, m), 1000 + (m * 10)),
            new Observation(coal, RegionCode.National, SectorId.All, Period.OfMonth(2023, m), 100),
        }).Append(new Observation(coal, RegionCode.National, SectorId.All, Period.OfMonth(2024, 1), 100));

        var panel = IndicatorPanel.From(observations);

        // A stock's year is its December; a flow's year is the sum of twelve months, and an incomplete year is missing.
        Assert.Equal(1120, panel.Get(storage, RegionCode.National, 2023));
        Assert.Equal(1200, panel.Get(coal, RegionCode.National, 2023));
        Assert.Null(panel.Get(coal, RegionCode.National, 2024));
    }

    [Fact]
    public void Options_Invalid_RejectedListingProblems() =>
        Assert.Contains("AtRiskRateMultiple", Assert.Throws<ArgumentException>(() => new KpiEngine(new KpiJudgementOptions { AtRiskRateMultiple = 0.5 })).Message, StringComparison.Ordinal);
}

using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Domain.Tests.Kpis;

public sealed class KpiCatalogTests
{
    [Fact]
    public void Catalog_EveryQuantifiedTargetOfThePlan_Present()
    {
        // action-plan-kpis.md §1a–1j.
        string[] plan =
        [
            "co2_peak", "nonfossil_share", "energy_intensity_reduction", "carbon_intensity_reduction", "coal_consumption_trend",
            "new_channel_re_share", "wind_solar_capacity", "hydro_capacity_additions", "new_type_storage_capacity", "pumped_hydro_capacity",
            "peak_load_response", "datacenter_online_monitoring", "crude_primary_capacity_cap", "petrochem_capacity_utilisation",
            "green_building_new_urban", "building_re_substitution", "rooftop_pv_coverage_new", "clean_vehicle_share_new",
            "transport_op_carbon_intensity", "rail_energy_intensity", "land_transport_oil_peak", "container_rail_water_growth",
            "green_travel_share", "airport_vehicle_electrification", "park_circular_retrofit", "bulk_solid_waste_utilisation",
            "recycled_resources_volume", "household_waste_resource_ratio", "waste_sorting_coverage", "forest_coverage",
            "forest_stock_volume", "peaking_pilots", "provincial_peak_plans", "provincial_annual_assessment",
        ];

        Assert.Equal(plan.Order(StringComparer.Ordinal), KpiCatalog.All.Select(k => k.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Catalog_Definitions_CompleteAndConsistent()
    {
        Assert.All(KpiCatalog.All, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(k.NameEn));
            Assert.StartsWith("L", k.PlanLines, StringComparison.Ordinal);
            Assert.NotEmpty(k.Targets);
            Assert.Equal(k.HasDataSource, k.Inputs.Count > 0);
        });
    }

    [Fact]
    public void Catalog_EveryNote_HasAChineseText()
    {
        // The Chinese pages show NoteZh: a note without one would put English into the Chinese UI.
        Assert.All(KpiCatalog.All.Where(k => k.Note is not null), k =>
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", k.NoteZh ?? string.Empty));
    }

    [Fact]
    public void CarbonIntensity_TwoGradedPairsOnSeparateTracks_PlusThePublishedRates()
    {
        var targets = KpiCatalog.Get("carbon_intensity_reduction").Targets;
        var graded = targets.Where(t => t.Graded).ToArray();

        Assert.Equal([(2020, 2025, 18.0, TargetModality.Firm), (2005, 2030, 65.0, TargetModality.AtLeast)], graded.Select(t => (t.BaselineYear, t.TargetYear, t.Value, t.Modality)));
        Assert.Equal(2, graded.Select(t => t.Track).Distinct().Count());
        Assert.Equal(KpiTracks.Official, Assert.Single(targets, t => !t.Graded).Track);
    }

    [Fact]
    public void Aspirational_Targets_NotBinding() =>
        Assert.All(KpiCatalog.All.SelectMany(k => k.Targets).Where(t => t.Modality == TargetModality.Aspirational), t => Assert.False(t.Binding));
}

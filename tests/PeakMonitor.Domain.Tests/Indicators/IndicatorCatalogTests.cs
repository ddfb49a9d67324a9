using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Tests.Indicators;

public sealed class IndicatorCatalogTests
{
    [Theory]
    [InlineData("cap_solar", "25.1", "GW", "2510")]
    [InlineData("cap_solar", "2510", "10k kW", "2510")]
    [InlineData("cap_wind", "150", "MW", "1.5")]
    [InlineData("cap_wind", "12345", "kW", "1.2345")]
    [InlineData("energy_total", "4.98", "Mtce", "498")]
    [InlineData("energy_total", "123456", "tce", "12.3456")]
    [InlineData("co2_energy", "10.5", "Mt", "1050")]
    [InlineData("gdp_real", "1013.6", "bn CNY", "10136")]
    [InlineData("population", "141175000", "persons", "14117.5")]
    [InlineData("gen_total", "8.8", "TWh", "88")]
    [InlineData("gen_total", "250", "GWh", "2.5")]
    public void TryToCanonical_AcceptedUnit_ConvertedExactly(string id, string value, string unit, string expected)
    {
        var indicator = IndicatorCatalog.Get(IndicatorId.Parse(id));

        Assert.True(indicator.TryToCanonical(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, out var canonical));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), canonical);
    }

    [Theory]
    [InlineData("cap_solar", "GWh")]
    [InlineData("energy_total", "Mt")]
    [InlineData("forest_coverage", "ratio")]
    [InlineData("gdp_real", "")]
    public void TryToCanonical_UnitOfAnotherQuantity_Rejected(string id, string unit) =>
        Assert.False(IndicatorCatalog.Get(IndicatorId.Parse(id)).TryToCanonical(1m, unit, out _));

    [Fact]
    public void Catalog_EveryIndicatorOfTheContract_Present()
    {
        string[] contract =
        [
            "energy_total", "energy_coal", "energy_oil", "energy_gas", "energy_nonfossil", "co2_energy", "gdp_real", "population",
            "value_added", "cap_wind", "cap_solar", "cap_hydro", "cap_pumped_hydro", "cap_new_storage", "cap_nuclear", "cap_thermal",
            "gen_total", "gen_wind", "gen_solar", "gen_hydro", "gen_nuclear", "gen_thermal", "peak_load", "dr_capacity",
            "forest_coverage", "forest_stock",

            // Added for the definition of energy intensity in force and the published rates (README, "KPIs").
            "energy_feedstock", "energy_intensity_change", "energy_intensity_change_gross", "energy_intensity_plan_change", "co2_intensity_change",

            // Added for the provincial communiqués, which publish GDP at current prices (issue 13).
            "gdp_nominal", "energy_total_change",
        ];

        Assert.Equal(contract.Order(StringComparer.Ordinal), IndicatorCatalog.All.Select(i => i.Id.Value).Order(StringComparer.Ordinal));
        Assert.All(IndicatorCatalog.All, i => Assert.False(string.IsNullOrEmpty(i.NameZh)));
    }

    [Theory]
    [InlineData("industry.steel", "industry")]
    [InlineData("industry", "all")]
    [InlineData("power", "all")]
    public void SectorParent_DottedId_NestsUnderPrefix(string id, string parent) =>
        Assert.Equal(parent, SectorId.Parse(id).Parent.Value);

    [Theory]
    [InlineData("", "all")]
    [InlineData(null, "all")]
    [InlineData(" transport ", "transport")]
    public void SectorTryParse_EmptyMeansAll(string? text, string expected)
    {
        Assert.True(SectorId.TryParse(text, out var sector));
        Assert.Equal(expected, sector.Value);
    }

    [Fact]
    public void SectorTryParse_Unknown_Rejected() =>
        Assert.False(SectorId.TryParse("industry.cement", out _));
}

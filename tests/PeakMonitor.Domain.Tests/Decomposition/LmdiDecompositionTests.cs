using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Domain.Tests.Kpis;
using PeakMonitor.Ingestion;

namespace PeakMonitor.Domain.Tests.Decomposition;

public sealed class LmdiDecompositionTests
{
    /// <summary>The issue's bar: the effects add up to the total change to 1e-9 relative.</summary>
    private const double Relative = 1e-9;

    private static readonly RegionCode Cn = RegionCode.National;

    private static async Task<IndicatorPanel> SeedPanelAsync()
    {
        var files = new[] { "national-cn.csv", "provinces-synthetic.csv" }.Select(f => Path.Combine(TestKit.Repository.Root, "seed-data", f)).ToArray();
        var read = await FileIngestor.ReadAllAsync(files, CancellationToken.None);
        return IndicatorPanel.From(read.SelectMany(r => r.Observations));
    }

    /// <summary>|Σ effects − total| within 1e-9 of the larger of |total| and Σ|effects| (a total near zero has large effects of both signs).</summary>
    private static void AddsUp(double total, IEnumerable<double> effects)
    {
        var values = effects.ToArray();
        var scale = Math.Max(Math.Abs(total), values.Sum(Math.Abs));
        Assert.True(Math.Abs(values.Sum() - total) <= Relative * scale, $"effects {string.Join(", ", values)} sum to {values.Sum()}, total {total}");
    }

    private static KayaValues Values(double p, double g, double e, double c) => new(p, g, e, c);

    [Fact]
    public async Task Of_NationalSeedDataEveryPairOfYears_EffectsAddUpToTotal()
    {
        var panel = await SeedPanelAsync();
        var pairs = 0;
        for (var from = 2005; from < 2024; from++)
        {
            for (var to = from + 1; to <= 2024; to++)
            {
                var d = LmdiDecomposition.Of(panel, Cn, from, to);
                Assert.Equal(panel.Get(KayaValues.Co2Id, Cn, to)!.Value - panel.Get(KayaValues.Co2Id, Cn, from)!.Value, d.Total, 6);
                AddsUp(d.Total, d.Effects.Select(e => e.Value));
                pairs++;
            }
        }

        Assert.Equal(190, pairs);
    }

    [Fact]
    public async Task Of_EveryProvinceSeedData_EffectsAddUpToTotal()
    {
        var panel = await SeedPanelAsync();

        foreach (var province in RegionCatalog.Provinces)
        {
            var d = LmdiDecomposition.Of(panel, province.Code, 2005, 2025);
            AddsUp(d.Total, d.Effects.Select(e => e.Value));
            Assert.True(LmdiDecomposition.IsSynthetic(panel, province.Code));
        }
    }

    [Fact]
    public async Task Of_NationalSeed2005To2020_GrowthRaisedIntensityLoweredCo2()
    {
        var panel = await SeedPanelAsync();

        var d = LmdiDecomposition.Of(panel, Cn, 2005, 2020);

        // The signs follow from the seed data's ratios: GDP per person grew, energy per GDP fell.
        Assert.True(d.Effect(KayaEffect.Affluence) > 0);
        Assert.True(d.Effect(KayaEffect.Population) > 0);
        Assert.True(d.Effect(KayaEffect.EnergyIntensity) < 0);
        Assert.False(LmdiDecomposition.IsSynthetic(panel, Cn));
        Assert.Equal(ObservationQuality.Unverified, LmdiDecomposition.Quality(panel, Cn, [2005, 2020]));
    }

    [Fact]
    public async Task Chain_NationalSeedData_StepsAndSumsAddUpToTotal()
    {
        var panel = await SeedPanelAsync();

        var chain = LmdiChain.Of(panel, Cn, 2005, 2024);

        Assert.Equal(19, chain.Steps.Count);
        Assert.Equal(Enumerable.Range(2005, 19), chain.Steps.Select(s => s.From));
        Assert.All(chain.Steps, s => AddsUp(s.Total, s.Effects.Select(e => e.Value)));
        AddsUp(chain.Total, KayaEffects.All.Select(chain.Effect));
        Assert.Equal(LmdiDecomposition.Of(panel, Cn, 2005, 2024).Total, chain.Total, 6);
    }

    [Fact]
    public void Of_RandomData_EffectsAddUpToTotal()
    {
        // Seeded: the same 10,000 cases every run; values span six orders of magnitude and changes of ±90 %.
        var random = new Random(2030);
        double Draw() => Math.Pow(10, random.NextDouble() * 6);
        double Move(double v) => v * (0.1 + (random.NextDouble() * 1.8));
        for (var i = 0; i < 10_000; i++)
        {
            var start = Values(Draw(), Draw(), Draw(), Draw());
            var end = Values(Move(start.Population), Move(start.Gdp), Move(start.Energy), Move(start.Co2));

            var d = LmdiDecomposition.Of(Cn, 2005, start, 2006, end);

            AddsUp(end.Co2 - start.Co2, d.Effects.Select(e => e.Value));
        }
    }

    [Fact]
    public void Chain_RandomSeries_SumsAddUpToTotal()
    {
        var random = new Random(18);
        for (var run = 0; run < 200; run++)
        {
            var builder = new PanelBuilder();
            double p = 1000, g = 5000, e = 3000, c = 7000;
            for (var year = 2000; year <= 2030; year++)
            {
                builder.Add("44", "population", year, p).Add("44", "gdp_real", year, g).Add("44", "energy_total", year, e).Add("44", "co2_energy", year, c);
                (p, g, e, c) = (p * (0.98 + (random.NextDouble() * 0.04)), g * (0.95 + (random.NextDouble() * 0.15)), e * (0.9 + (random.NextDouble() * 0.2)), c * (0.9 + (random.NextDouble() * 0.2)));
            }

            var chain = LmdiChain.Of(builder.Build(), RegionCode.Parse("44"), 2000, 2030);

            AddsUp(chain.Total, KayaEffects.All.Select(chain.Effect));
        }
    }

    [Fact]
    public void Of_OnlyPopulationChanges_WholeChangeIsThePopulationEffect()
    {
        // Population × 1.5 with GDP, energy and CO2 × 1.5 too: GDP per person, E/G and C/E are unchanged.
        var d = LmdiDecomposition.Of(Cn, 2010, Values(100, 1000, 500, 1200), 2020, Values(150, 1500, 750, 1800));

        Assert.Equal(600, d.Effect(KayaEffect.Population), 9);
        Assert.Equal(0, d.Effect(KayaEffect.Affluence), 9);
        Assert.Equal(0, d.Effect(KayaEffect.EnergyIntensity), 9);
        Assert.Equal(0, d.Effect(KayaEffect.CarbonIntensityOfEnergy), 9);
    }

    [Fact]
    public void Of_OneFactorUp_OtherDownByTheSameRatio_EffectsCancel()
    {
        // GDP doubles at constant energy: affluence × 2, energy intensity ÷ 2; C unchanged.
        var d = LmdiDecomposition.Of(Cn, 2010, Values(100, 1000, 500, 1200), 2020, Values(100, 2000, 500, 1200));

        Assert.Equal(0, d.Total);
        Assert.Equal(-d.Effect(KayaEffect.Affluence), d.Effect(KayaEffect.EnergyIntensity), 9);
        Assert.Equal(1200 * Math.Log(2), d.Effect(KayaEffect.Affluence), 9);
    }

    [Fact]
    public void Of_EffectIsWeightTimesLogRatio_AngEquationFive()
    {
        var start = Values(130756, 306884.1, 261369, 607495);
        var end = Values(141212, 1013567, 498314, 1011269);

        var d = LmdiDecomposition.Of(Cn, 2005, start, 2020, end);

        var weight = (end.Co2 - start.Co2) / Math.Log(end.Co2 / start.Co2);
        Assert.Equal(weight * Math.Log(end.Energy / end.Gdp / (start.Energy / start.Gdp)), d.Effect(KayaEffect.EnergyIntensity), 6);
        Assert.Equal(weight * Math.Log(end.Co2 / end.Energy / (start.Co2 / start.Energy)), d.Effect(KayaEffect.CarbonIntensityOfEnergy), 6);
    }

    [Fact]
    public void Of_MissingPopulation_ErrorNamesRegionYearAndIndicator()
    {
        var panel = new PanelBuilder()
            .Series("11", "population", (2020, 2189))
            .Series("11", "gdp_real", (2020, 36000), (2024, 44000))
            .Series("11", "energy_total", (2020, 6700), (2024, 7300))
            .Series("11", "co2_energy", (2020, 9000), (2024, 9200))
            .Build();

        var error = Assert.Throws<DecompositionException>(() => LmdiDecomposition.Of(panel, RegionCode.Parse("11"), 2020, 2024));

        Assert.Equal((RegionCode.Parse("11"), 2024, "population"), (error.Region, error.Year, error.Indicator.Value));
        Assert.Contains("Region 11 (北京, Beijing), 2024: population", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("energy_total", 0.0)]
    [InlineData("co2_energy", -5.0)]
    [InlineData("gdp_real", 0.0)]
    public void Of_ZeroOrNegativeInput_RefusedNamingIt(string indicator, double bad)
    {
        var builder = new PanelBuilder();
        foreach (var i in KayaValues.Inputs)
        {
            builder.Series("44", i.Value, (2015, 100), (2020, i.Value == indicator ? bad : 120));
        }

        var error = Assert.Throws<DecompositionException>(() => LmdiDecomposition.Of(builder.Build(), RegionCode.Parse("44"), 2015, 2020));

        Assert.Equal((2020, indicator), (error.Year, error.Indicator.Value));
        Assert.Contains($"Region 44 (广东, Guangdong), 2020: {indicator}", error.Message, StringComparison.Ordinal);
        Assert.Contains("not positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_YearMissingInTheMiddle_ErrorNamesThatYear()
    {
        var builder = new PanelBuilder();
        foreach (var i in KayaValues.Inputs)
        {
            builder.Series("CN", i.Value, (2018, 100), (2019, 110), (2020, 120));
        }

        var panel = IndicatorPanel.From(new[] { 2018, 2020 }.SelectMany(y => KayaValues.Inputs.Select(i => new Observation(i, Cn, SectorId.All, Period.OfYear(y), 100 + y - 2018)))
            .Concat(KayaValues.Inputs.Where(i => i != KayaValues.EnergyId).Select(i => new Observation(i, Cn, SectorId.All, Period.OfYear(2019), 105))));

        var error = Assert.Throws<DecompositionException>(() => LmdiChain.Of(panel, Cn, 2018, 2020));

        Assert.Equal((2019, "energy_total"), (error.Year, error.Indicator.Value));
        Assert.Equal(2, LmdiChain.Of(builder.Build(), Cn, 2018, 2020).Steps.Count);
    }

    [Theory]
    [InlineData(2020, 2020)]
    [InlineData(2021, 2020)]
    public void Of_EndNotAfterStart_Refused(int from, int to)
    {
        var panel = new PanelBuilder().Build();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LmdiDecomposition.Of(panel, Cn, from, to));
        Assert.Contains("must come after", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LmdiChain.Of(panel, Cn, from, to));
    }

    [Fact]
    public void Of_NonFiniteValues_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LmdiDecomposition.Of(Cn, 2010, Values(100, double.NaN, 1, 1), 2011, Values(1, 1, 1, 1)));

    [Fact]
    public void Ids_ContractNames() =>
        Assert.Equal(["population", "affluence", "energy_intensity", "carbon_intensity_of_energy"], KayaEffects.All.Select(e => e.Id()));

    [Fact]
    public void Inputs_AllCatalogued_Co2UnitIsTenThousandTonnes()
    {
        Assert.Equal(["population", "gdp_real", "energy_total", "co2_energy"], KayaValues.Inputs.Select(i => i.Value));
        Assert.Equal("10k t", LmdiDecomposition.Unit);
    }
}

using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Decomposition;

/// <summary>
/// One year's Kaya inputs in their canonical units: population (10k persons), real GDP (100m CNY),
/// energy (10k tce), energy CO2 (10k t). The units cancel in every ratio of the decomposition, so the
/// effects come out in CO2's unit.
/// </summary>
public readonly record struct KayaValues(double Population, double Gdp, double Energy, double Co2)
{
    public static IndicatorId PopulationId { get; } = IndicatorId.Parse("population");

    public static IndicatorId GdpId { get; } = IndicatorId.Parse("gdp_real");

    public static IndicatorId EnergyId { get; } = IndicatorId.Parse("energy_total");

    public static IndicatorId Co2Id { get; } = IndicatorId.Parse("co2_energy");

    /// <summary>The raw indicators the decomposition reads, in identity order.</summary>
    public static IReadOnlyList<IndicatorId> Inputs { get; } = [PopulationId, GdpId, EnergyId, Co2Id];

    /// <summary>The factor of an effect: P, G/P, E/G or C/E.</summary>
    public double Factor(KayaEffect effect) => effect switch
    {
        KayaEffect.Population => Population,
        KayaEffect.Affluence => Gdp / Population,
        KayaEffect.EnergyIntensity => Energy / Gdp,
        KayaEffect.CarbonIntensityOfEnergy => Co2 / Energy,
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, null),
    };
}

namespace PeakMonitor.Domain.Decomposition;

/// <summary>
/// The four factors of the Kaya identity C = P × (G/P) × (E/G) × (C/E) whose changes explain a change
/// in energy CO2 (issue 18): people, income per person, energy per unit of GDP, CO2 per unit of energy.
/// </summary>
public enum KayaEffect
{
    /// <summary>P: resident population.</summary>
    Population,

    /// <summary>G/P: real GDP per person.</summary>
    Affluence,

    /// <summary>E/G: energy per unit of real GDP.</summary>
    EnergyIntensity,

    /// <summary>C/E: CO2 per unit of energy (the energy mix).</summary>
    CarbonIntensityOfEnergy,
}

/// <summary>Ids and names of the effects: the ids are a contract (CLI JSON, API).</summary>
public static class KayaEffects
{
    public static IReadOnlyList<KayaEffect> All { get; } = Enum.GetValues<KayaEffect>();

    public static string Id(this KayaEffect effect) => effect switch
    {
        KayaEffect.Population => "population",
        KayaEffect.Affluence => "affluence",
        KayaEffect.EnergyIntensity => "energy_intensity",
        KayaEffect.CarbonIntensityOfEnergy => "carbon_intensity_of_energy",
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, null),
    };

    public static string Zh(this KayaEffect effect) => effect switch
    {
        KayaEffect.Population => "人口规模",
        KayaEffect.Affluence => "人均GDP（经济增长）",
        KayaEffect.EnergyIntensity => "能耗强度",
        KayaEffect.CarbonIntensityOfEnergy => "能源碳强度（能源结构）",
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, null),
    };

    public static string En(this KayaEffect effect) => effect switch
    {
        KayaEffect.Population => "Population",
        KayaEffect.Affluence => "GDP per person (affluence)",
        KayaEffect.EnergyIntensity => "Energy intensity of GDP",
        KayaEffect.CarbonIntensityOfEnergy => "Carbon intensity of energy (mix)",
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, null),
    };
}

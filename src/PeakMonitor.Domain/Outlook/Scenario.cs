namespace PeakMonitor.Domain.Outlook;

/// <summary>The what-if levers.</summary>
public enum Lever
{
    /// <summary>Real GDP growth, % per year.</summary>
    GdpGrowth,

    /// <summary>Total energy consumption growth, % per year.</summary>
    EnergyGrowth,

    /// <summary>Change of the non-fossil share of energy, percentage points per year.</summary>
    NonFossilPoints,

    /// <summary>Wind + solar capacity added, GW per year.</summary>
    WindSolarAdditions,
}

/// <summary>Lever ids as the CLI, the API and the URL write them.</summary>
public static class Levers
{
    public static IReadOnlyList<Lever> All { get; } = [Lever.GdpGrowth, Lever.EnergyGrowth, Lever.NonFossilPoints, Lever.WindSolarAdditions];

    public static string Id(this Lever lever) => lever switch
    {
        Lever.GdpGrowth => "gdp-growth",
        Lever.EnergyGrowth => "energy-growth",
        Lever.NonFossilPoints => "nonfossil-points",
        _ => "wind-solar-additions",
    };

    public static string Zh(this Lever lever) => lever switch
    {
        Lever.GdpGrowth => "GDP年均增速（%）",
        Lever.EnergyGrowth => "能源消费年均增速（%）",
        Lever.NonFossilPoints => "非化石能源比重年均提高（百分点）",
        _ => "风电光伏年新增装机（GW）",
    };

    public static string En(this Lever lever) => lever switch
    {
        Lever.GdpGrowth => "GDP growth, %/yr",
        Lever.EnergyGrowth => "Energy growth, %/yr",
        Lever.NonFossilPoints => "Non-fossil share, points/yr",
        _ => "Wind + solar added, GW/yr",
    };

    /// <summary>The range the solver searches and the sliders span.</summary>
    public static (double Min, double Max) Range(this Lever lever) => lever switch
    {
        Lever.GdpGrowth => (-10, 20),
        Lever.EnergyGrowth => (-10, 20),
        Lever.NonFossilPoints => (-5, 10),
        _ => (0, 1000),
    };

    public static bool TryParse(string? text, out Lever lever)
    {
        foreach (var l in All)
        {
            if (string.Equals(l.Id(), text, StringComparison.OrdinalIgnoreCase))
            {
                lever = l;
                return true;
            }
        }

        lever = default;
        return false;
    }
}

/// <summary>One what-if scenario: every lever's value from the year after the base year on.</summary>
public sealed record Scenario
{
    public double GdpGrowth { get; init; } = 5;

    public double EnergyGrowth { get; init; } = 2.5;

    public double NonFossilPoints { get; init; } = 1;

    public double WindSolarAdditions { get; init; } = 250;

    /// <summary>A name the user gave it (saved and shared in the URL).</summary>
    public string? Name { get; init; }

    public double Get(Lever lever) => lever switch
    {
        Lever.GdpGrowth => GdpGrowth,
        Lever.EnergyGrowth => EnergyGrowth,
        Lever.NonFossilPoints => NonFossilPoints,
        _ => WindSolarAdditions,
    };

    public Scenario With(Lever lever, double value) => lever switch
    {
        Lever.GdpGrowth => this with { GdpGrowth = value },
        Lever.EnergyGrowth => this with { EnergyGrowth = value },
        Lever.NonFossilPoints => this with { NonFossilPoints = value },
        _ => this with { WindSolarAdditions = value },
    };

    /// <summary>Every lever within its range and finite; all problems at once.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var lever in Levers.All)
        {
            var v = Get(lever);
            var (min, max) = lever.Range();
            if (!double.IsFinite(v) || v < min || v > max)
            {
                yield return $"{lever.Id()} must be between {min} and {max}.";
            }
        }
    }
}

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// How energy use and CO2 split over sectors in the synthetic data. Top-level sectors (industry,
/// power, buildings, transport) are shares of the total and leave a remainder (agriculture, other
/// services); the industry sub-sectors are shares of industry and leave "other industry". Power is
/// the own use and conversion losses of electricity and heat production for energy, and its direct
/// emissions for CO2, which is why power weighs more in CO2 than in energy. National shares move in
/// a line from 2005 to 2024 (industry's weight falls, power, buildings and transport rise); each
/// province tilts them by its economy (Hebei's steel, Yunnan's and Xinjiang's aluminium, Shaanxi's
/// and Ningxia's coal chemicals, Beijing's and Tibet's buildings and transport).
/// </summary>
internal static class SectorProfiles
{
    public static readonly string[] TopLevel = ["industry", "power", "buildings", "transport"];

    public static readonly string[] Industry = ["industry.steel", "industry.nonferrous", "industry.building_materials", "industry.petrochemical"];

    /// <summary>At most this share of the total goes to the four top-level sectors.</summary>
    public const double MaxTopLevelShare = 0.97;

    /// <summary>At most this share of industry goes to the four named sub-sectors.</summary>
    public const double MaxIndustryShare = 0.92;

    /// <summary>National shares of energy_total, 2005 and 2024: industry, power, buildings, transport; then steel, nonferrous, building materials, petrochemical (of industry).</summary>
    public static readonly (double A, double B)[] EnergyBase =
    [
        (0.52, 0.48), (0.18, 0.21), (0.14, 0.17), (0.08, 0.10),
        (0.28, 0.26), (0.07, 0.09), (0.14, 0.12), (0.16, 0.20),
    ];

    /// <summary>National shares of co2_energy, 2005 and 2024, in the same order.</summary>
    public static readonly (double A, double B)[] Co2Base =
    [
        (0.40, 0.36), (0.42, 0.45), (0.06, 0.05), (0.07, 0.09),
        (0.42, 0.40), (0.06, 0.08), (0.22, 0.20), (0.12, 0.15),
    ];

    /// <summary>
    /// Provincial tilts (multipliers of the national shares), in <see cref="ProvinceProfiles.Codes"/>
    /// order: industry, power, buildings, transport, steel, nonferrous, building materials, petrochemical.
    /// </summary>
    public static readonly double[][] Tilts =
    [
        [0.35, 0.60, 2.20, 2.20, 0.10, 0.30, 0.50, 1.00], // 11 Beijing: services city
        [1.10, 1.00, 1.20, 1.00, 1.60, 1.00, 1.00, 1.30], // 12 Tianjin
        [1.20, 1.00, 1.10, 1.00, 2.00, 0.40, 1.10, 0.60], // 13 Hebei: steel
        [1.15, 1.30, 1.00, 0.90, 1.20, 1.00, 1.00, 1.30], // 14 Shanxi: coal power and coking
        [1.10, 1.50, 0.90, 0.80, 0.60, 1.80, 1.00, 1.50], // 15 Inner Mongolia: power export, aluminium, coal chemicals
        [1.15, 1.00, 1.20, 1.00, 1.60, 1.00, 1.00, 1.50], // 21 Liaoning: steel, refining
        [0.95, 1.00, 1.30, 1.00, 1.00, 1.00, 1.00, 1.20], // 22 Jilin
        [0.85, 1.00, 1.40, 1.00, 1.00, 1.00, 1.00, 1.30], // 23 Heilongjiang: heating
        [0.80, 1.00, 1.30, 2.20, 1.00, 1.00, 1.00, 1.50], // 31 Shanghai: port, aviation
        [1.10, 1.00, 1.00, 1.00, 1.40, 1.00, 0.80, 1.20], // 32 Jiangsu
        [1.00, 1.00, 1.00, 1.20, 0.40, 1.00, 0.90, 1.30], // 33 Zhejiang
        [1.00, 1.00, 1.00, 1.00, 0.90, 0.90, 1.80, 1.00], // 34 Anhui: cement
        [1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.40, 1.10], // 35 Fujian
        [0.95, 1.00, 1.00, 1.00, 1.00, 1.80, 1.40, 1.00], // 36 Jiangxi: copper
        [1.15, 1.00, 1.00, 1.00, 1.00, 1.60, 0.90, 1.50], // 37 Shandong: aluminium, refining
        [1.05, 1.00, 1.00, 1.00, 0.80, 1.90, 1.10, 1.00], // 41 Henan: aluminium
        [1.00, 1.00, 1.00, 1.00, 1.20, 1.00, 1.20, 0.90], // 42 Hubei
        [0.90, 1.00, 1.00, 1.00, 1.00, 1.40, 1.30, 1.00], // 43 Hunan
        [0.85, 1.00, 1.10, 1.60, 0.50, 1.00, 1.30, 1.10], // 44 Guangdong
        [1.00, 1.00, 1.00, 1.00, 0.90, 2.20, 1.50, 1.00], // 45 Guangxi: aluminium, cement
        [0.60, 1.00, 1.00, 1.80, 0.05, 1.00, 0.80, 1.60], // 46 Hainan: tourism, refining
        [0.90, 1.00, 1.00, 1.00, 0.70, 1.30, 1.30, 1.00], // 50 Chongqing
        [0.95, 0.60, 1.00, 1.00, 1.00, 1.00, 1.20, 1.20], // 51 Sichuan: hydro power
        [0.95, 1.40, 1.00, 1.00, 0.50, 1.40, 1.60, 1.00], // 52 Guizhou
        [1.00, 0.70, 1.00, 1.00, 1.00, 2.40, 1.10, 1.00], // 53 Yunnan: hydro aluminium
        [0.30, 0.30, 1.60, 2.50, 0.05, 0.20, 1.20, 0.10], // 54 Tibet
        [1.05, 1.20, 1.00, 1.00, 0.50, 1.20, 1.00, 1.70], // 61 Shaanxi: coal chemicals
        [1.05, 1.00, 1.00, 1.00, 0.70, 2.00, 1.00, 1.40], // 62 Gansu
        [1.00, 0.60, 1.00, 1.00, 0.20, 2.80, 1.00, 1.30], // 63 Qinghai
        [1.15, 1.40, 1.00, 1.00, 0.30, 1.60, 1.00, 1.90], // 64 Ningxia: coal chemicals
        [1.10, 1.30, 1.00, 1.00, 0.60, 2.20, 1.00, 1.60], // 65 Xinjiang
    ];

    /// <summary>
    /// The eight sector shares of one province and year, in the order of <see cref="TopLevel"/> then
    /// <see cref="Industry"/>; sub-sector shares are already multiplied by industry's, so they are
    /// shares of the total and sum to at most industry's.
    /// </summary>
    public static double[] Shares((double A, double B)[] national, int province, int year, Func<int, double> noise)
    {
        var t = (Math.Clamp(year, 2005, ProvinceProfiles.FreezeYear) - 2005) / 19.0;
        var tilt = Tilts[province];
        var shares = new double[8];
        for (var i = 0; i < 8; i++)
        {
            var (a, b) = national[i];
            shares[i] = (a + ((b - a) * t)) * tilt[i] * noise(i);
        }

        Cap(shares, 0, 4, MaxTopLevelShare);
        Cap(shares, 4, 4, MaxIndustryShare);
        for (var i = 4; i < 8; i++)
        {
            shares[i] *= shares[0];
        }

        return shares;
    }

    private static void Cap(double[] shares, int start, int count, double max)
    {
        var sum = 0.0;
        for (var i = start; i < start + count; i++)
        {
            sum += shares[i];
        }

        if (sum > max)
        {
            for (var i = start; i < start + count; i++)
            {
                shares[i] *= max / sum;
            }
        }
    }
}

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// The provincial profiles behind the synthetic series. Numbers are rounded, from memory of public
/// provincial statistics (yearbooks, communiqués, NEA/CEC capacity tables, national forest
/// inventories); they only shape the synthetic data (who is large, coal-heavy, hydro-rich, windy,
/// sunny, forested) and are never shown as statistics. Weights are normalised each year, so only
/// their proportions matter. Every array follows <see cref="Codes"/>.
/// </summary>
internal static class ProvinceProfiles
{
    /// <summary>After this year provincial shares stop moving along their anchor lines (the live feed continues with frozen shares).</summary>
    public const int FreezeYear = 2025;

    /// <summary>GB/T 2260 codes in <c>RegionCatalog.Provinces</c> order.</summary>
    public static readonly string[] Codes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
        "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    ];

    // Rows below: 11 BJ, 12 TJ, 13 HE, 14 SX, 15 NM | 21 LN, 22 JL, 23 HL | 31 SH, 32 JS, 33 ZJ, 34 AH, 35 FJ,
    // 36 JX, 37 SD | 41 HA, 42 HB, 43 HN, 44 GD, 45 GX, 46 HI | 50 CQ, 51 SC, 52 GZ, 53 YN, 54 XZ |
    // 61 SN, 62 GS, 63 QH, 64 NX, 65 XJ.

    /// <summary>Resident population, 10k persons, 2005 and 2024 (Guangdong and Zhejiang grow, the north-east shrinks).</summary>
    public static readonly ProfileTheme Population = new(2005, 2024,
    [
        (1538, 2183), (1043, 1364), (6851, 7378), (3355, 3446), (2386, 2384),
        (4221, 4155), (2716, 2317), (3820, 3029),
        (1778, 2480), (7475, 8526), (4991, 6670), (6120, 6123), (3535, 4193), (4311, 4502), (9248, 10080),
        (9380, 9785), (5710, 5834), (6326, 6539), (9194, 12780), (4660, 5013), (828, 1048),
        (2798, 3190), (8212, 8364), (3730, 3860), (4450, 4655), (277, 370),
        (3720, 3953), (2594, 2458), (543, 594), (596, 729), (2010, 2623),
    ]);

    /// <summary>Regional GDP, 100m CNY (nominal, as weights), 2005 and 2024: Guangdong, Jiangsu, Shandong, Zhejiang lead.</summary>
    public static readonly ProfileTheme Gdp = new(2005, 2024,
    [
        (6970, 49843), (3906, 18024), (10012, 47527), (4231, 25494), (3896, 26315),
        (8047, 32613), (3620, 14361), (5514, 16476),
        (9154, 53927), (18306, 137008), (13418, 90131), (5350, 50625), (6555, 57761), (4057, 34203), (18517, 98566),
        (10587, 63590), (6590, 60013), (6596, 53231), (22557, 141634), (3984, 28649), (903, 7935),
        (3070, 32193), (7385, 64697), (1979, 22667), (3462, 31534), (248, 2765),
        (3676, 35538), (1934, 12757), (543, 3951), (606, 5503), (2604, 20534),
    ]);

    /// <summary>
    /// Total energy consumption, 10k tce, 2005 and 2024. Shandong, Guangdong, Jiangsu, Hebei are the
    /// largest users; Inner Mongolia, Xinjiang and Ningxia grow fastest (coal chemicals, power export).
    /// </summary>
    public static readonly ProfileTheme Energy = new(2005, 2024,
    [
        (5522, 7300), (4115, 8500), (19745, 33000), (12750, 22500), (9643, 31000),
        (13611, 23000), (5315, 7500), (8050, 11800),
        (8225, 12000), (16895, 36000), (12032, 29000), (6518, 17500), (6142, 16500), (4286, 11000), (23610, 45000),
        (14625, 25000), (9851, 19500), (9110, 17500), (17769, 38000), (4869, 12500), (820, 2800),
        (4360, 8300), (11300, 23500), (5641, 11000), (6024, 14500), (150, 500),
        (4776, 15500), (4368, 9500), (1670, 4800), (2536, 10000), (5506, 27000),
    ]);

    // Energy mix: multipliers of the national share of each source (1 = national mix), 2005 and 2024;
    // the provincial mixes are then balanced (RAS) so the sources add up to the national totals.

    /// <summary>Coal: heavy in Shanxi, Inner Mongolia, Ningxia, Shaanxi, Xinjiang, Hebei, Anhui; Beijing phased it out.</summary>
    public static readonly ProfileTheme CoalMix = new(2005, 2024,
    [
        (0.65, 0.03), (0.90, 0.75), (1.25, 1.30), (1.30, 1.55), (1.30, 1.55),
        (1.00, 1.15), (1.10, 1.15), (1.05, 1.20),
        (0.70, 0.55), (1.05, 1.10), (0.90, 0.80), (1.10, 1.30), (0.75, 0.90), (1.00, 1.10), (1.10, 1.25),
        (1.15, 1.20), (0.80, 0.85), (0.95, 0.95), (0.65, 0.65), (0.80, 0.90), (0.60, 0.60),
        (0.90, 0.85), (0.65, 0.45), (1.05, 1.15), (0.85, 0.50), (0.03, 0.03),
        (1.10, 1.30), (0.90, 0.95), (0.45, 0.35), (1.25, 1.45), (1.00, 1.35),
    ]);

    /// <summary>Oil: refining and transport hubs (Liaoning, Shanghai, Guangdong, Hainan, Shandong), Tibet's diesel.</summary>
    public static readonly ProfileTheme OilMix = new(2005, 2024,
    [
        (1.80, 1.60), (1.50, 1.40), (0.60, 0.60), (0.35, 0.35), (0.40, 0.40),
        (1.70, 1.50), (0.80, 0.80), (1.20, 1.20),
        (2.00, 1.90), (0.90, 0.90), (1.00, 1.00), (0.60, 0.60), (1.00, 1.00), (0.80, 0.80), (1.20, 1.30),
        (0.60, 0.60), (0.90, 0.90), (0.80, 0.80), (1.60, 1.40), (0.80, 0.80), (2.00, 1.80),
        (0.60, 0.60), (0.70, 0.70), (0.50, 0.50), (0.80, 0.80), (2.50, 2.00),
        (0.90, 0.90), (0.90, 0.90), (0.80, 0.80), (0.40, 0.40), (1.50, 0.80),
    ]);

    /// <summary>Natural gas: producing provinces (Sichuan, Chongqing, Qinghai, Xinjiang, Shaanxi) and the big cities.</summary>
    public static readonly ProfileTheme GasMix = new(2005, 2024,
    [
        (4.00, 3.50), (1.50, 2.20), (0.60, 0.90), (0.60, 0.60), (0.50, 0.50),
        (0.40, 0.60), (0.50, 0.50), (0.60, 0.60),
        (1.30, 1.50), (0.80, 1.10), (0.60, 1.00), (0.40, 0.60), (0.60, 0.80), (0.30, 0.60), (0.50, 0.70),
        (0.60, 0.60), (0.50, 0.50), (0.40, 0.50), (1.00, 1.50), (0.20, 0.50), (3.00, 2.00),
        (2.80, 1.80), (3.00, 2.00), (0.20, 0.40), (0.10, 0.30), (0.05, 0.05),
        (1.80, 1.30), (0.50, 0.50), (4.50, 2.80), (1.00, 0.60), (3.50, 1.30),
    ]);

    /// <summary>Non-fossil: hydro-rich Yunnan, Sichuan, Hubei, Guizhou, Guangxi, Qinghai, Tibet; nuclear in Fujian, Guangdong, Zhejiang.</summary>
    public static readonly ProfileTheme NonFossilMix = new(2005, 2024,
    [
        (1.20, 1.90), (0.30, 0.50), (0.30, 0.60), (0.20, 0.35), (0.50, 0.90),
        (0.40, 0.60), (0.70, 0.90), (0.30, 0.50),
        (0.50, 1.10), (0.50, 0.60), (0.90, 1.00), (0.40, 0.70), (2.00, 1.50), (0.90, 0.80), (0.20, 0.40),
        (0.30, 0.70), (2.80, 1.80), (1.80, 1.40), (1.60, 1.50), (2.40, 1.60), (0.80, 1.20),
        (1.20, 1.10), (3.50, 2.50), (1.60, 1.00), (3.20, 2.60), (7.00, 3.50),
        (0.30, 0.50), (1.60, 1.50), (3.50, 2.60), (0.30, 0.65), (0.50, 0.70),
    ]);

    /// <summary>Wind capacity, 10k kW, 2008 and 2024: the north and north-west (Inner Mongolia, Xinjiang, Gansu, Hebei, Ningxia).</summary>
    public static readonly ProfileTheme Wind = new(2008, 2024,
    [
        (6, 30), (1, 230), (111, 3600), (12, 2800), (374, 8000),
        (125, 1700), (107, 1800), (84, 1400),
        (4, 120), (65, 2500), (19, 600), (1, 800), (28, 800), (3, 600), (57, 2700),
        (1, 2200), (1, 900), (1, 1100), (37, 1700), (1, 1500), (9, 50),
        (1, 250), (1, 800), (1, 600), (8, 1600), (0.1, 10),
        (2, 1700), (55, 3500), (1, 1200), (39, 1600), (58, 4600),
    ]);

    /// <summary>Solar capacity, 10k kW, 2012 and 2024: early utility plants in Qinghai, Gansu, Ningxia, Xinjiang, Inner Mongolia; later distributed PV in Shandong, Hebei, Jiangsu, Zhejiang.</summary>
    public static readonly ProfileTheme Solar = new(2012, 2024,
    [
        (1, 200), (1, 700), (3, 6500), (2, 3000), (8, 3500),
        (1, 1200), (1, 800), (1, 800),
        (1, 500), (10, 6000), (4, 4500), (1, 4000), (1, 1000), (1, 2500), (3, 7500),
        (1, 4000), (1, 3000), (1, 1500), (3, 4000), (1, 1500), (1, 800),
        (0.5, 200), (1, 600), (0.5, 2000), (1, 3000), (2, 300),
        (1, 2500), (20, 3500), (30, 3000), (10, 2800), (10, 4500),
    ]);

    /// <summary>Conventional hydro, 10k kW, 2010 and 2024: Sichuan and Yunnan (Jinsha, Lancang, Yalong), Hubei (Three Gorges), Guizhou, Guangxi.</summary>
    public static readonly ProfileTheme Hydro = new(2010, 2024,
    [
        (10, 10), (0.5, 0.5), (30, 30), (80, 120), (60, 80),
        (150, 150), (350, 400), (100, 120),
        (0.5, 0.5), (5, 5), (600, 700), (100, 150), (1100, 1200), (400, 550), (5, 5),
        (250, 300), (3300, 3700), (1300, 1600), (800, 900), (1500, 1800), (70, 80),
        (600, 800), (3200, 9800), (1500, 2300), (2600, 8200), (50, 500),
        (250, 350), (700, 1000), (1000, 1300), (40, 45), (300, 900),
    ]);

    /// <summary>Pumped storage, 10k kW, 2010 and 2024: Guangdong and Zhejiang first, then the east and north; none in the hydro-rich south-west.</summary>
    public static readonly ProfileTheme PumpedHydro = new(2010, 2024,
    [
        (80, 80), (0, 0), (130, 500), (120, 120), (0, 120),
        (0, 220), (30, 170), (0, 120),
        (0, 0), (110, 260), (340, 1000), (130, 470), (0, 450), (0, 120), (100, 400),
        (130, 330), (120, 130), (120, 120), (480, 970), (0, 60), (0, 60),
        (0, 120), (0, 0), (0, 0), (0, 0), (9, 9),
        (0, 0), (0, 0), (0, 0), (0, 0), (0, 140),
    ]);

    /// <summary>New-type storage, 10k kW, 2018 and 2024: early projects in Jiangsu, Guangdong, Qinghai; by 2024 Inner Mongolia, Xinjiang, Shandong, Jiangsu, Ningxia.</summary>
    public static readonly ProfileTheme NewStorage = new(2018, 2024,
    [
        (5, 30), (1, 50), (1, 300), (5, 250), (3, 1000),
        (1, 80), (1, 60), (1, 60),
        (1, 20), (30, 560), (2, 300), (1, 250), (1, 80), (1, 100), (3, 720),
        (10, 150), (1, 200), (1, 300), (20, 300), (1, 200), (1, 50),
        (1, 50), (1, 60), (1, 150), (1, 250), (1, 30),
        (1, 150), (1, 400), (15, 200), (1, 440), (10, 860),
    ]);

    /// <summary>Maximum load of the provincial grid, 10k kW, 2005 and 2024 (not coincident: their sum exceeds the national peak).</summary>
    public static readonly ProfileTheme PeakLoad = new(2005, 2024,
    [
        (900, 2700), (700, 2000), (2000, 8500), (1100, 4200), (900, 4800),
        (1500, 4000), (500, 1400), (700, 1800),
        (1800, 4000), (3600, 15000), (2600, 12000), (900, 6500), (1000, 5500), (600, 3700), (2800, 12500),
        (2000, 8000), (1300, 6000), (1000, 4500), (4200, 16000), (700, 4000), (120, 800),
        (500, 2700), (1200, 7000), (800, 2500), (700, 3800), (30, 300),
        (700, 4200), (600, 2200), (250, 1200), (350, 1800), (300, 5500),
    ]);

    /// <summary>Forest growing stock, 100m m³, 7th (2004–08) and 9th (2014–18) inventories: Tibet, Yunnan, Sichuan, Heilongjiang, Inner Mongolia.</summary>
    public static readonly ProfileTheme ForestStock = new(2008, 2018,
    [
        (0.14, 0.23), (0.03, 0.05), (0.9, 1.4), (0.9, 1.3), (13.5, 15.3),
        (2.4, 3.0), (8.7, 10.1), (16.5, 18.5),
        (0.02, 0.04), (0.6, 0.7), (1.7, 2.8), (1.4, 2.2), (4.8, 7.3), (3.9, 5.1), (0.8, 0.9),
        (1.3, 2.1), (2.1, 3.7), (3.3, 5.5), (3.0, 4.7), (4.9, 7.4), (0.9, 1.5),
        (1.2, 2.1), (16.7, 18.6), (2.4, 3.9), (15.5, 19.7), (22.6, 22.8),
        (3.4, 4.8), (2.1, 2.5), (0.4, 0.5), (0.06, 0.08), (3.0, 3.9),
    ], extendBackTo: 2005);

    /// <summary>
    /// Forest coverage, %, 7th (2004–08) and 9th (2014–18) inventories: Fujian ~66%, Jiangxi, Guangxi,
    /// Zhejiang ~60%; Xinjiang ~5%, Qinghai ~6%. A level: never summed, and not calibrated to the
    /// national figure (which is area-weighted over inventories of their own). The 2008–2018 line is
    /// carried back to 2005 and continued after 2018 at 60% of its slope (afforestation slows as land runs out).
    /// </summary>
    public static readonly ProfileTheme ForestCoverage = new(2008, 2018,
    [
        (31.72, 43.77), (8.24, 12.07), (22.29, 26.78), (14.12, 20.50), (20.00, 22.10),
        (35.13, 39.24), (38.93, 41.49), (42.39, 43.78),
        (9.41, 14.04), (10.48, 15.20), (57.41, 59.43), (26.06, 28.65), (63.10, 66.80), (58.32, 61.16), (16.72, 17.51),
        (20.16, 24.14), (31.14, 39.61), (44.76, 49.69), (49.44, 53.52), (52.71, 60.17), (51.98, 57.36),
        (34.85, 43.11), (34.31, 38.03), (31.61, 43.77), (47.50, 55.04), (11.91, 12.14),
        (37.26, 43.06), (10.42, 11.33), (4.57, 5.82), (9.84, 12.63), (4.02, 4.87),
    ], extendBackTo: 2005, slopeAfter: 0.6);

    /// <summary>
    /// Demand-response capability as % of the provincial peak load reached in 2025, and the year the
    /// provincial programme starts (pilots in Jiangsu, Shanghai, Beijing, Foshan from 2013; the
    /// 14th FYP asked provinces for 3–5%).
    /// </summary>
    public static readonly (double Share2025, int StartYear)[] DemandResponse =
    [
        (4.5, 2013), (3.0, 2016), (3.0, 2017), (2.5, 2018), (2.5, 2018),
        (2.5, 2017), (2.0, 2018), (2.0, 2018),
        (5.5, 2013), (6.0, 2013), (5.5, 2016), (3.5, 2017), (3.0, 2017), (3.0, 2018), (5.0, 2016),
        (3.5, 2016), (3.0, 2017), (3.0, 2017), (5.0, 2013), (2.5, 2018), (2.0, 2019),
        (3.5, 2017), (3.0, 2017), (2.5, 2018), (2.5, 2018), (1.0, 2021),
        (3.0, 2017), (2.0, 2019), (1.5, 2019), (2.5, 2019), (1.5, 2019),
    ];

    /// <summary>
    /// Full-load hours a year of wind and of solar (monthly generation of the live feed): windy Inner
    /// Mongolia, Yunnan and the Fujian coast; sunny Qinghai, Tibet, Inner Mongolia, Xinjiang, Ningxia, Gansu.
    /// </summary>
    public static readonly (double Wind, double Solar)[] FullLoadHours =
    [
        (2000, 1200), (2100, 1250), (2100, 1300), (2100, 1300), (2400, 1500),
        (2200, 1300), (2200, 1350), (2200, 1300),
        (2500, 1050), (2300, 1100), (2200, 1000), (2000, 1050), (2800, 1100), (2000, 1000), (2100, 1250),
        (2000, 1100), (2000, 1000), (2000, 950), (2300, 1100), (2200, 1050), (2000, 1300),
        (1900, 850), (2200, 1100), (1900, 950), (2600, 1300), (2000, 1650),
        (2000, 1250), (1900, 1400), (1800, 1550), (1900, 1450), (2200, 1450),
    ];

    public static int IndexOf(string code) => Array.IndexOf(Codes, code);
}

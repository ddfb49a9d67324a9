namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// Monthly synthetic values built on the annual ones: end-of-month capacity stocks that rise from
/// last December's value to this December's (December is the annual value exactly), and the
/// month's wind and solar generation from the average capacity of the month.
/// </summary>
internal static class MonthlyCapacity
{
    // Share of a year's additions connected in each month: Chinese wind and solar additions bunch
    // before the 30 June and 31 December grid-connection deadlines.
    private static readonly double[] Installation = [3, 4, 6, 6, 7, 13, 6, 6, 7, 8, 9, 25];

    // Relative output by month (mean 1): wind strongest in winter and spring, solar in late spring and summer.
    private static readonly double[] WindSeason = [1.15, 1.10, 1.20, 1.20, 1.10, 0.90, 0.80, 0.75, 0.85, 0.95, 1.00, 1.00];
    private static readonly double[] SolarSeason = [0.80, 0.90, 1.00, 1.10, 1.15, 1.10, 1.10, 1.10, 1.05, 0.95, 0.85, 0.80];

    /// <summary>End-of-month stock of a capacity indicator, or null when the province has no annual value that year.</summary>
    public static double? Stock(SyntheticModel model, string indicator, int province, int year, int month)
    {
        if (model.Provinces(indicator, year)?[province] is not { } december || double.IsNaN(december))
        {
            return null;
        }

        if (month == 12)
        {
            return december;
        }

        var before = model.Provinces(indicator, year - 1)?[province] is { } previous && !double.IsNaN(previous) ? previous : 0;
        var code = ProvinceProfiles.Codes[province];
        double done = 0, all = 0;
        for (var m = 1; m <= 12; m++)
        {
            var weight = Installation[m - 1] * SeededNoise.Uniform(model.Seed, "install/" + indicator, code, (year * 12) + m, 0.7, 1.3);
            all += weight;
            if (m <= month)
            {
                done += weight;
            }
        }

        return Math.Round(before + ((december - before) * done / all), 2);
    }

    /// <summary>
    /// The month's generation, 100m kWh: average capacity of the month (10k kW) × the province's
    /// full-load hours × the month's seasonal factor / 12, ± 10% seeded weather; ÷ 10,000 converts
    /// 10k kWh to 100m kWh.
    /// </summary>
    public static double? Generation(SyntheticModel model, string capacity, int province, int year, int month)
    {
        if (Stock(model, capacity, province, year, month) is not { } end)
        {
            return null;
        }

        var start = month == 1
            ? Stock(model, capacity, province, year - 1, 12) ?? 0
            : Stock(model, capacity, province, year, month - 1) ?? 0;
        var wind = capacity == "cap_wind";
        var (windHours, solarHours) = ProvinceProfiles.FullLoadHours[province];
        var season = (wind ? WindSeason : SolarSeason)[month - 1];
        var weather = SeededNoise.Uniform(model.Seed, wind ? "weather/wind" : "weather/solar", ProvinceProfiles.Codes[province], (year * 12) + month, 0.9, 1.1);
        var hours = (wind ? windHours : solarHours) * season / 12 * weather;
        return Math.Round((start + end) / 2 * hours / 10_000, 2);
    }
}

using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Tests.Kpis;

namespace PeakMonitor.Domain.Tests.Outlook;

public sealed class OutlookModelTests
{
    private static readonly KpiEngine Engine = new();

    /// <summary>CN energy 100 a year; non-fossil energy from <paramref name="first"/> in 2015, rising by <paramref name="step"/> a year to 2020.</summary>
    private static IndicatorPanel Shares(double first, double step)
    {
        var b = new PanelBuilder();
        for (var y = 2015; y <= 2020; y++)
        {
            b.Add("CN", "energy_total", y, 100).Add("CN", "energy_nonfossil", y, first + (step * (y - 2015)));
        }

        return b.Build();
    }

    /// <summary>CN GDP × 1.1 a year, CO2 × <paramref name="co2Growth"/> a year, 2015–2020.</summary>
    private static IndicatorPanel Intensity(double co2Growth)
    {
        var b = new PanelBuilder();
        for (var y = 2015; y <= 2020; y++)
        {
            b.Add("CN", "gdp_real", y, 1000 * Math.Pow(1.1, y - 2015)).Add("CN", "co2_energy", y, 500 * Math.Pow(co2Growth, y - 2015));
        }

        return b.Build();
    }

    private static KpiOutlook One(IndicatorPanel panel, string kpi, OutlookModel? model = null) =>
        Assert.Single((model ?? new OutlookModel()).Evaluate(panel, Engine, RegionCode.National, 2020, [KpiCatalog.Get(kpi)]));

    [Fact]
    public void Evaluate_ShareRisingOnePointAYear_ReachesTwentyIn2025WithCertainty()
    {
        // 15% in 2020 + 5 × 1 point = 20% in 2025: the target (20%左右) is met on every path.
        var outlook = One(Shares(10, 1), "nonfossil_share");

        Assert.Equal((2025, 20.0, 1.0), (outlook.Deadline, outlook.Target, outlook.Probability));
        Assert.Equal([2021, 2022, 2023, 2024, 2025], outlook.Quantiles.Select(q => q.Year));
        Assert.All(outlook.Quantiles, q => Assert.Equal(15 + (q.Year - 2020), q.P50, 9));
        Assert.All(outlook.Quantiles, q => Assert.Equal(q.P10, q.P90, 9));
        Assert.Equal(5, outlook.ChangesUsed);
        Assert.Equal(ChangeScale.Additive, outlook.Scale);
    }

    [Fact]
    public void Evaluate_ShareRisingHalfAPoint_NeverReachesTwenty()
    {
        // 15% + 5 × 0.5 = 17.5% in 2025 on every path.
        var outlook = One(Shares(12.5, 0.5), "nonfossil_share");

        Assert.Equal(0, outlook.Probability);
        Assert.Equal(17.5, outlook.MedianAtDeadline, 9);
        Assert.Equal(17.5, outlook.Quantiles[^1].P10, 9);
    }

    [Fact]
    public void Evaluate_IntensityFallingAtAConstantRate_ReductionCompounds()
    {
        // Intensity × 1.05/1.1 a year: 1 − (1.05/1.1)^5 = 20.8% below 2020 by 2025 ≥ 18%.
        var outlook = One(Intensity(1.05), "carbon_intensity_reduction");

        Assert.Equal(("vs2020", 1.0), (outlook.Track, outlook.Probability));
        Assert.Equal((1 - Math.Pow(1.05 / 1.1, 5)) * 100, outlook.MedianAtDeadline, 9);
        Assert.Equal(ChangeScale.Log, outlook.Scale);
    }

    [Fact]
    public void Evaluate_IntensityFallingTooSlowly_ProbabilityZero()
    {
        // 1 − (1.08/1.1)^5 = 8.8% < 18%.
        var outlook = One(Intensity(1.08), "carbon_intensity_reduction");

        Assert.Equal(0, outlook.Probability);
        Assert.Equal((1 - Math.Pow(1.08 / 1.1, 5)) * 100, outlook.MedianAtDeadline, 9);
    }

    private static IndicatorPanel Noisy()
    {
        double[] steps = [0.2, 1.6, -0.4, 1.1, 0.9, 2.0, -0.3, 0.7, 1.4, 0.1];
        var b = new PanelBuilder();
        var share = 9.0;
        for (var y = 2010; y <= 2020; y++)
        {
            b.Add("CN", "energy_total", y, 100).Add("CN", "energy_nonfossil", y, share);
            share += y < 2020 ? steps[y - 2010] : 0;
        }

        return b.Build();
    }

    [Fact]
    public void Evaluate_NoisyChanges_ProbabilityWithinUnitIntervalAndQuantilesOrdered()
    {
        var outlook = One(Noisy(), "nonfossil_share");

        Assert.InRange(outlook.Probability, 0, 1);
        Assert.True(outlook.Probability is > 0 and < 1, $"noisy changes should give a probability strictly between 0 and 1, got {outlook.Probability}");
        Assert.All(outlook.Quantiles, q => Assert.True(q.P10 <= q.P25 && q.P25 <= q.P50 && q.P50 <= q.P75 && q.P75 <= q.P90, $"{q}"));

        // The fan widens with the horizon.
        Assert.True(outlook.Quantiles[^1].P90 - outlook.Quantiles[^1].P10 > outlook.Quantiles[0].P90 - outlook.Quantiles[0].P10);
    }

    [Fact]
    public void Evaluate_SameSeedTwice_SameNumbers_OtherSeedOtherNumbers()
    {
        var panel = Noisy();

        var a = One(panel, "nonfossil_share", new OutlookModel(new OutlookOptions { Seed = 7 }));
        var b = One(panel, "nonfossil_share", new OutlookModel(new OutlookOptions { Seed = 7 }));
        var c = One(panel, "nonfossil_share", new OutlookModel(new OutlookOptions { Seed = 8 }));

        Assert.Equal(a.Probability, b.Probability);
        Assert.Equal(a.Quantiles, b.Quantiles);
        Assert.NotEqual(a.Quantiles, c.Quantiles);
    }

    [Fact]
    public void Evaluate_TooFewChanges_NoOutlook()
    {
        var panel = new PanelBuilder()
            .Series("CN", "energy_total", (2019, 100), (2020, 100))
            .Series("CN", "energy_nonfossil", (2019, 14), (2020, 15))
            .Build();

        Assert.Empty(new OutlookModel().Evaluate(panel, Engine, RegionCode.National, 2020, [KpiCatalog.Get("nonfossil_share")]));
    }

    [Fact]
    public void Evaluate_DrawsOption_ProbabilityIsAMultipleOfOneOverDraws()
    {
        var outlook = One(Noisy(), "nonfossil_share", new OutlookModel(new OutlookOptions { Draws = 400 }));

        Assert.Equal(0, (outlook.Probability * 400) % 1, 9);
        Assert.Contains("400 draws", outlook.Method, StringComparison.Ordinal);
    }
}

using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Tests.Kpis;

namespace PeakMonitor.Domain.Tests.Outlook;

public sealed class BacktestTests
{
    private static BacktestCase Case(string kpi, double target, double? outcome) =>
        new("13th", kpi, 2015, 2020, target, 2018, outcome, "doc", "http://example.org/t", outcome is null ? null : "doc", outcome is null ? null : "http://example.org/o", null);

    /// <summary>CN 2015–2018: energy 100 a year, GDP × 1.05, non-fossil 12 → 13.5 (0.5 a point).</summary>
    private static Domain.Kpis.IndicatorPanel Panel() => new PanelBuilder()
        .Series("CN", "energy_total", (2015, 100), (2016, 100), (2017, 100), (2018, 100))
        .Series("CN", "energy_nonfossil", (2015, 12), (2016, 12.5), (2017, 13), (2018, 13.5))
        .Series("CN", "gdp_real", (2015, 1000), (2016, 1050), (2017, 1102.5), (2018, 1157.625))
        .Build();

    [Fact]
    public void Run_ConstantTrends_ModelAndNaiveAgreeAndBrierIsHandWorked()
    {
        // Share: 13.5 + 2 × 0.5 = 14.5 < 15 (p = 0, naive no); outcome 15.9 met → (0 − 1)² = 1.
        // Energy intensity: 1 − 1.05^−5 = 21.6% ≥ 15 (p = 1, naive yes: the line through 0, 4.8, 9.3, 13.6 reaches 22.6);
        // outcome 16 met → 0. Mean 0.5 for both.
        var report = Backtest.Run(Panel(), [Case("nonfossil_share", 15, 15.9), Case("energy_intensity", 15, 16), Case("carbon_intensity", 18, null)], new OutlookModel());

        Assert.Equal(0, report.Rows[0].Probability);
        Assert.Equal(false, report.Rows[0].NaiveSaysMet);
        Assert.Equal(1, report.Rows[1].Probability);
        Assert.Equal(true, report.Rows[1].NaiveSaysMet);
        Assert.Equal((1 - Math.Pow(1.05, -5)) * 100, report.Rows[1].Median!.Value, 9);
        Assert.Equal(2, report.Scored);
        Assert.Equal(0.5, report.ModelBrier!.Value, 12);
        Assert.Equal(0.5, report.NaiveBrier!.Value, 12);

        // No CO2 in the panel and no outcome: shown, not scored.
        Assert.Null(report.Rows[2].Probability);
        Assert.NotNull(report.Rows[2].Problem);
    }

    [Fact]
    public void Met_OutcomeAgainstNominalTarget()
    {
        Assert.Equal(false, Case("energy_intensity", 20, 19.1).Met);
        Assert.Equal(true, Case("energy_intensity", 16, 19.71).Met);
        Assert.Null(Case("energy_intensity", 16, null).Met);
    }
}

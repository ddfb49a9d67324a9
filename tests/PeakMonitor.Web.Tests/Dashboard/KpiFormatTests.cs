using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Web.Dashboard;

namespace PeakMonitor.Web.Tests.Dashboard;

public sealed class KpiFormatTests
{
    private readonly UiLanguage _lang = new();

    [Theory]
    [InlineData(62.44, "62.4")]
    [InlineData(337.6, "> 100")]
    [InlineData(-12.0, "< 0")]
    [InlineData(null, "—")]
    public void Progress_Value_WithinZeroToHundredOrSaysBeyond(double? progress, string expected) =>
        Assert.Equal(expected, KpiFormat.Progress(progress, _lang));

    [Theory]
    [InlineData(1.2249, "+1.22")]
    [InlineData(-0.4, "−0.40")]
    [InlineData(0.0, "0.00")]
    [InlineData(null, "—")]
    public void Change_Value_SignedWithATrueMinus(double? change, string expected) =>
        Assert.Equal(expected, KpiFormat.Change(change, _lang));

    [Theory]
    [InlineData(KpiStatus.AchievedEarly, false)]
    [InlineData(KpiStatus.WithinTolerance, false)]
    [InlineData(KpiStatus.AtRisk, true)]
    [InlineData(KpiStatus.OnTrack, true)]
    public void ShowsRequiredRate_Status_OnlyWhileTheTargetIsAhead(KpiStatus status, bool shown)
    {
        var result = new KpiResult { Kpi = "nonfossil_share", Region = RegionCode.National, Year = 2024, Track = "main", Unit = "%", Status = status, RequiredAnnualRate = -2.62 };

        Assert.Equal(shown, KpiFormat.ShowsRequiredRate(result));
    }
}

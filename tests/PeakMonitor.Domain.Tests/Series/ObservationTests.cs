using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Tests.Series;

public sealed class ObservationTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Constructor_NotFiniteValue_Rejected(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Observation(IndicatorId.Parse("cap_wind"), RegionCode.National, SectorId.All, Period.OfYear(2020), value));

    [Fact]
    public void Constructor_BlankSource_StoredAsUnknown()
    {
        var o = new Observation(IndicatorId.Parse("cap_wind"), RegionCode.National, SectorId.All, Period.OfYear(2020), 1, "  ", "");

        Assert.Null(o.Source);
        Assert.Null(o.Note);
        Assert.Equal("10k kW", o.Unit);
    }

    [Fact]
    public void SeriesQuery_MixedFrequencies_Rejected() =>
        Assert.Throws<ArgumentException>(() => new SeriesQuery(IndicatorId.Parse("cap_wind"), SectorId.All, Period.OfYear(2020), Period.OfMonth(2021, 1)));

    [Fact]
    public void SeriesQuery_EndBeforeStart_Rejected() =>
        Assert.Throws<ArgumentException>(() => new SeriesQuery(IndicatorId.Parse("cap_wind"), SectorId.All, Period.OfYear(2021), Period.OfYear(2020)));
}

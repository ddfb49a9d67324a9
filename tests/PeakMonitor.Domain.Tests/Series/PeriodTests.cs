using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Tests.Series;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2020", 2020, 0, Frequency.Annual)]
    [InlineData("2023-06", 2023, 6, Frequency.Monthly)]
    [InlineData("2005-12", 2005, 12, Frequency.Monthly)]
    public void TryParse_ValidPeriod_Parsed(string text, int year, int month, Frequency frequency)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal((year, month, frequency), (period.Year, period.Month, period.Frequency));
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("2023-13")]
    [InlineData("2023-00")]
    [InlineData("2023-6")]
    [InlineData("2023/06")]
    [InlineData("+202")]
    [InlineData("1900")]
    [InlineData("2101")]
    [InlineData("２０２３")]
    [InlineData("2023-06-30")]
    [InlineData("2023Q2")]
    public void TryParse_Malformed_Rejected(string text) =>
        Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void StartAndEnd_MonthAndYear_CoverThePeriodInUtc()
    {
        var june = Period.OfMonth(2023, 6);
        var year = Period.OfYear(2023);

        Assert.Equal(new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero), june.Start);
        Assert.Equal(new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.Zero), june.End);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), year.End);
        Assert.Equal(june, Period.FromStart(june.Start, Frequency.Monthly));
    }

    [Fact]
    public void Compare_AnnualAndMonthly_OrderedByStart()
    {
        Assert.True(Period.OfYear(2020) < Period.OfMonth(2020, 1));
        Assert.True(Period.OfMonth(2020, 12) < Period.OfYear(2021));
    }
}

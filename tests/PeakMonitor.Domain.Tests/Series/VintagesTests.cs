using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Domain.Tests.Series;

public sealed class VintagesTests
{
    private static readonly IndicatorId Gdp = IndicatorId.Parse("gdp_real");

    private static Observation At(int year, double value, DateOnly? published) =>
        new(Gdp, RegionCode.National, SectorId.All, Period.OfYear(year), value) { Published = published };

    [Fact]
    public void Latest_UnknownAndDatedVintages_NewestDateWins()
    {
        var latest = Vintages.Latest([At(2020, 3, new DateOnly(2021, 12, 17)), At(2020, 1, null), At(2020, 2, new DateOnly(2021, 2, 28)), At(2021, 9, null)]);

        Assert.Equal([(2020, 3.0), (2021, 9.0)], latest.Select(o => (o.Period.Year, o.Value)).OrderBy(x => x));
    }

    [Fact]
    public void AsOf_DayBeforeEveryDatedVintage_OnlyUnknownDatedValuesRemain()
    {
        var asOf = Vintages.AsOf([At(2020, 2, new DateOnly(2021, 2, 28)), At(2021, 9, null)], new DateOnly(2021, 2, 27));

        Assert.Equal([9.0], asOf.Select(o => o.Value));
    }

    [Fact]
    public void Revisions_ThreeVintagesSecondRepublishesSameValue_OneRevisionFromFirstToThird()
    {
        var revisions = Vintages.Revisions([At(2020, 5, new DateOnly(2021, 12, 17)), At(2020, 4, new DateOnly(2021, 2, 28)), At(2020, 4, new DateOnly(2021, 6, 1))]);

        var revision = Assert.Single(revisions);
        Assert.Equal((4.0, new DateOnly(2021, 6, 1), 5.0, new DateOnly(2021, 12, 17)), (revision.Old.Value, revision.Old.Published!.Value, revision.New.Value, revision.New.Published!.Value));
        Assert.Equal(1, revision.Change);
    }

    [Theory]
    [InlineData("2021-02-28", null)]
    [InlineData("1949-01-01", null)]
    [InlineData("1948-12-31", "before 1949")]
    [InlineData("2026-12-04", "in the future")]
    [InlineData("2021/02/28", "YYYY-MM-DD")]
    [InlineData("2021-02-30", "YYYY-MM-DD")]
    [InlineData("28.02.2021", "YYYY-MM-DD")]
    [InlineData("", "YYYY-MM-DD")]
    public void TryParse_Text_AcceptedOrRefusedWithReason(string text, string? reason)
    {
        var problem = PublishedDate.TryParse(text, new DateOnly(2026, 12, 3), out _);

        if (reason is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(reason, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Today_LateEveningUtc_IsTomorrowInChina()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 4), PublishedDate.Today(clock));
    }

    [Fact]
    public void FromNumber_ToNumberRoundTrip_SameDate()
    {
        var day = new DateOnly(2021, 12, 17);

        Assert.Equal(20211217, PublishedDate.ToNumber(day));
        Assert.Equal(day, PublishedDate.FromNumber(PublishedDate.ToNumber(day)));
        Assert.Null(PublishedDate.FromNumber(20211317));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

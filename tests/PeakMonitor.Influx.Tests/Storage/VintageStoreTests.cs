using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Storage;
using PeakMonitor.TestKit;

namespace PeakMonitor.Influx.Tests.Storage;

[Collection(InfluxdCollection.Name)]
public sealed class VintageStoreTests(InfluxServerFixture influxd)
{
    private static readonly IndicatorId Gdp = IndicatorId.Parse("gdp_real");
    private static readonly DateOnly Preliminary = new(2021, 2, 28);
    private static readonly DateOnly Final = new(2021, 12, 17);

    private static Observation Gdp2020(double value, DateOnly? published, string source = "NBS") =>
        new(Gdp, RegionCode.National, SectorId.All, Period.OfYear(2020), value, source) { Published = published };

    private static SeriesQuery Query => new(Gdp, SectorId.All, Period.OfYear(2019), Period.OfYear(2021));

    [Fact]
    public async Task WriteAsync_NewerVintage_KeptBesideTheOldAndLatestIsTheNew()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());

        await store.WriteAsync([Gdp2020(1015986, Preliminary, "communiqué")], CancellationToken.None);
        await store.WriteAsync([Gdp2020(1013567, Final, "final verification")], CancellationToken.None);

        var latest = Assert.Single(await store.ReadAsync(Query, CancellationToken.None));
        Assert.Equal(1013567, latest.Value);
        Assert.Equal(Final, latest.Published);
        var vintages = await store.ReadVintagesAsync([Gdp], SectorId.All, null, CancellationToken.None);
        Assert.Equal([(Preliminary, 1015986.0, "communiqué"), (Final, 1013567.0, "final verification")],
            vintages.OrderBy(v => v.Published).Select(v => (v.Published!.Value, v.Value, v.Source!)));
    }

    [Fact]
    public async Task WriteAsync_OlderVintageAfterNewer_LatestUnchangedAndOldVintageAdded()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());

        await store.WriteAsync([Gdp2020(1013567, Final)], CancellationToken.None);
        await store.WriteAsync([Gdp2020(1015986, Preliminary)], CancellationToken.None);

        var latest = Assert.Single(await store.ReadAsync(Query, CancellationToken.None));
        Assert.Equal(1013567, latest.Value);
        Assert.Equal(2, (await store.ReadVintagesAsync([Gdp], SectorId.All, RegionCode.National, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task WriteAsync_SameVintageTwice_StoreUnchanged()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());

        await store.WriteAsync([Gdp2020(1015986, Preliminary), Gdp2020(1013567, Final)], CancellationToken.None);
        await store.WriteAsync([Gdp2020(1015986, Preliminary), Gdp2020(1013567, Final)], CancellationToken.None);

        Assert.Equal(1013567, Assert.Single(await store.ReadAsync(Query, CancellationToken.None)).Value);
        Assert.Equal(2, (await store.ReadVintagesAsync([Gdp], null, null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task WriteAsync_BatchWithBothVintagesOldestLast_NewestIsLatest()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());

        await store.WriteAsync([Gdp2020(1013567, Final), Gdp2020(1015986, Preliminary)], CancellationToken.None);

        Assert.Equal(1013567, Assert.Single(await store.ReadAsync(Query, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task AsOfReader_BeforeBetweenAndAfterVintages_ValueAsPublishedThen()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());
        await store.WriteAsync([Gdp2020(1015986, Preliminary), Gdp2020(1013567, Final)], CancellationToken.None);

        async Task<double?> AsOf(DateOnly day) =>
            (await new AsOfReader(store, day).ReadAllAsync([Gdp], SectorId.All, CancellationToken.None)).SingleOrDefault()?.Value;

        Assert.Null(await AsOf(Preliminary.AddDays(-1)));
        Assert.Equal(1015986, await AsOf(Preliminary));
        Assert.Equal(1015986, await AsOf(Final.AddDays(-1)));
        Assert.Equal(1013567, await AsOf(Final));
    }

    [Fact]
    public async Task WriteAsync_DatedOverValueStoredBeforeVintages_OldValueStaysVisibleAsOfEarlierDays()
    {
        var client = await influxd.NewDatabaseAsync();
        var store = new InfluxTimeSeriesStore(client);

        // A database of an earlier version: the point has no published field and no vintage beside it.
        await store.WriteAsync([Gdp2020(1015986, published: null, "old import")], CancellationToken.None);
        var before = Assert.Single(await store.ReadVintagesAsync([Gdp], SectorId.All, null, CancellationToken.None));
        Assert.Null(before.Published);

        await store.WriteAsync([Gdp2020(1013567, Final)], CancellationToken.None);

        Assert.Equal(1013567, Assert.Single(await store.ReadAsync(Query, CancellationToken.None)).Value);
        var early = Assert.Single(await new AsOfReader(store, new DateOnly(2000, 1, 1)).ReadAllAsync([Gdp], SectorId.All, CancellationToken.None));
        Assert.Equal((1015986.0, "old import"), (early.Value, early.Source));
        var vintages = await store.ReadVintagesAsync([Gdp], SectorId.All, null, CancellationToken.None);
        Assert.Equal([null, Final], vintages.Select(v => v.Published).OrderBy(d => d));
    }

    [Fact]
    public async Task WriteAsync_UndatedAfterDated_DoesNotReplaceTheDatedLatest()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());

        await store.WriteAsync([Gdp2020(1013567, Final)], CancellationToken.None);
        await store.WriteAsync([Gdp2020(1, published: null)], CancellationToken.None);

        Assert.Equal(1013567, Assert.Single(await store.ReadAsync(Query, CancellationToken.None)).Value);
    }
}

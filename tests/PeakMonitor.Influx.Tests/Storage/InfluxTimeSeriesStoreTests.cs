using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.TestKit;

namespace PeakMonitor.Influx.Tests.Storage;

[Collection(InfluxdCollection.Name)]
public sealed class InfluxTimeSeriesStoreTests(InfluxServerFixture influxd)
{
    private static readonly IndicatorId Solar = IndicatorId.Parse("cap_solar");

    private static Observation Obs(string region, Period period, double value, string? source = "NEA", string? note = null) =>
        new(Solar, RegionCode.Parse(region), SectorId.All, period, value, source, note);

    [Fact]
    public async Task ReadAsync_AfterWrite_ReturnsSameObservationsOrderedByRegionThenPeriod()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());
        Observation[] written =
        [
            Obs("44", Period.OfYear(2021), 1100.5, "广东省能源局 \"年报\"", "line one\nline two"),
            Obs("15", Period.OfYear(2020), 1237),
            Obs("15", Period.OfYear(2021), 1400.25, source: null),
            Obs("CN", Period.OfYear(2021), 30656),
        ];

        await store.WriteAsync(written, CancellationToken.None);
        var read = await store.ReadAsync(new SeriesQuery(Solar, SectorId.All, Period.OfYear(2005), Period.OfYear(2025)), CancellationToken.None);

        Assert.Equal(written.OrderBy(o => o.Region.Value, StringComparer.Ordinal).ThenBy(o => o.Period), read);
    }

    [Fact]
    public async Task ReadAsync_RegionAndRangeFilters_OnlyMatchingObservations()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());
        await store.WriteAsync(
        [
            Obs("11", Period.OfYear(2019), 1), Obs("11", Period.OfYear(2020), 2), Obs("12", Period.OfYear(2020), 3),
            Obs("13", Period.OfYear(2020), 4), Obs("11", Period.OfMonth(2020, 6), 5),
            new Observation(Solar, RegionCode.Parse("11"), SectorId.Parse("power"), Period.OfYear(2020), 6),
        ], CancellationToken.None);

        var read = await store.ReadAsync(
            new SeriesQuery(Solar, SectorId.All, Period.OfYear(2020), Period.OfYear(2020), [RegionCode.Parse("11"), RegionCode.Parse("12")]),
            CancellationToken.None);

        Assert.Equal([2.0, 3.0], read.Select(o => o.Value));
    }

    [Fact]
    public async Task WriteAsync_SameFileTwiceThenCorrected_OverwritesInsteadOfDuplicating()
    {
        var client = await influxd.NewDatabaseAsync();
        var store = new InfluxTimeSeriesStore(client);
        Observation[] first = [Obs("11", Period.OfMonth(2023, 6), 25.1, "bureau", "provisional")];

        await store.WriteAsync(first, CancellationToken.None);
        await store.WriteAsync(first, CancellationToken.None);
        await store.WriteAsync([Obs("11", Period.OfMonth(2023, 6), 26, "bureau (revised)", note: null)], CancellationToken.None);

        var read = await store.ReadAsync(new SeriesQuery(Solar, SectorId.All, Period.OfMonth(2023, 1), Period.OfMonth(2023, 12)), CancellationToken.None);
        var only = Assert.Single(read);
        Assert.Equal(26, only.Value);
        Assert.Equal("bureau (revised)", only.Source);
        Assert.Null(only.Note);
    }

    [Fact]
    public async Task EnsureDatabaseAsync_NewDatabase_CreatedOnceWith520WeekShards()
    {
        var database = "shards_" + Guid.NewGuid().ToString("N")[..8];
        var client = influxd.Client(database);
        var provisioner = new InfluxDatabaseProvisioner(client, Microsoft.Extensions.Options.Options.Create(InfluxServerFixture.Options(database)), Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxDatabaseProvisioner>.Instance);

        Assert.True(await provisioner.EnsureDatabaseAsync(CancellationToken.None));
        Assert.False(await provisioner.EnsureDatabaseAsync(CancellationToken.None));
        Assert.Equal("87360h0m0s", await provisioner.ShardGroupDurationAsync(CancellationToken.None));
    }

    [Fact]
    public void Render_Observation_SchemaOfTheReadme()
    {
        var line = new PeakMonitor.Influx.LineProtocol.LineBuilder();

        InfluxTimeSeriesStore.Render(line, Obs("44", Period.OfMonth(2023, 6), 2510, "广东省能源局", "say \"hi\""));

        Assert.Equal("observation,freq=month,indicator=cap_solar,region=44,sector=all value=2510,source=\"广东省能源局\",note=\"say \\\"hi\\\"\",quality=\"\" 1685577600\n", line.ToString());
    }

    [Fact]
    public async Task WriteThenRead_QualityFlag_RoundTripsInBothReads()
    {
        var client = await influxd.NewDatabaseAsync();
        var store = new InfluxTimeSeriesStore(client);
        var flagged = new Observation(Solar, RegionCode.National, SectorId.All, Period.OfYear(2023), 60949, "NEA", null, ObservationQuality.Unverified);
        var plain = new Observation(Solar, RegionCode.National, SectorId.All, Period.OfYear(2024), 88666, "NEA");

        await store.WriteAsync([flagged, plain], CancellationToken.None);

        var one = await store.ReadAsync(new SeriesQuery(Solar, SectorId.All, Period.OfYear(2023), Period.OfYear(2024)), CancellationToken.None);
        var all = await store.ReadAllAsync([Solar], SectorId.All, CancellationToken.None);
        Assert.Equal([ObservationQuality.Unverified, ObservationQuality.Reported], one.OrderBy(o => o.Period).Select(o => o.Quality));
        Assert.Equal([ObservationQuality.Unverified, ObservationQuality.Reported], all.OrderBy(o => o.Period).Select(o => o.Quality));
    }

    [Fact]
    public void BuildQuery_Regions_BoundAsParametersNotText()
    {
        var query = InfluxTimeSeriesStore.BuildQuery(new SeriesQuery(Solar, SectorId.All, Period.OfYear(2020), Period.OfYear(2021), [RegionCode.Parse("11"), RegionCode.Parse("15")]));

        Assert.DoesNotContain("'", query.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cap_solar", query.Text, StringComparison.Ordinal);
        Assert.Equal("15", query.Parameters["r1"]);
        Assert.Equal("2022-01-01T00:00:00Z", query.Parameters["to"]);
    }

    [Fact]
    public async Task StoreStatus_AfterWrites_CountsComeFromStoredData()
    {
        var client = await influxd.NewDatabaseAsync();
        await new InfluxTimeSeriesStore(client).WriteAsync([Obs("11", Period.OfYear(2020), 1), Obs("12", Period.OfYear(2020), 2)], CancellationToken.None);

        var status = await new StoreStatusReader(client, new FixedInfluxEndpoint(influxd.Url)).ReadAsync(CancellationToken.None);

        Assert.Equal(2, status.Observations);
        Assert.Equal(1, status.Indicators);
        Assert.StartsWith("1.", status.Version, StringComparison.Ordinal);
    }
}

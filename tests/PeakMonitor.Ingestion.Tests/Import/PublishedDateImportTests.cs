using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Import;

public sealed class PublishedDateImportTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private const string Header = "region,indicator,period,value,unit,source,published\n";
    private static readonly IndicatorId Wind = IndicatorId.Parse("cap_wind");
    private readonly TempDirectory _dir = new();

    // 20:00 UTC on 3 December is already 4 December in Beijing.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private FileImporter Importer(Storage store) => new(store.Value, Options.Create(new ImportOptions()), _clock);

    private sealed record Storage(Influx.Storage.InfluxTimeSeriesStore Value);

    public static TheoryData<string, string> HostileDates => new()
    {
        { "2021/12/17", "YYYY-MM-DD" },
        { "2021-12-32", "YYYY-MM-DD" },
        { "17.12.2021", "YYYY-MM-DD" },
        { "2021-12-17T00:00", "YYYY-MM-DD" },
        { "1948-12-31", "before 1949" },
        { "2026-12-05", "in the future" },
        { "9999-12-31", "in the future" },
    };

    [Theory]
    [MemberData(nameof(HostileDates))]
    public async Task ImportAsync_HostilePublishedValue_RowErrorNamesFileLineColumnValue(string value, string reason)
    {
        var store = new Storage(new(await influxd.NewDatabaseAsync()));
        var path = _dir.File("vintages.csv", Header + "11,cap_wind,2020,1,GW,NEA,2021-02-28\n" + $"11,cap_wind,2021,1,GW,NEA,{value}\n");

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => Importer(store).ImportAsync(path, null, CancellationToken.None));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("vintages.csv", 3, "published", value), (error.File, error.Line, error.Column, error.Value));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"vintages.csv, line 3, column 'published', value '{value}'", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await store.Value.ReadVintagesAsync([Wind], null, null, CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_RowsWithAndWithoutDate_RowDateElseGivenElseImportDateInChina()
    {
        var store = new Storage(new(await influxd.NewDatabaseAsync()));
        var path = _dir.File("mixed.csv", Header + "11,cap_wind,2020,1,GW,NEA,2021-02-28\n11,cap_wind,2021,2,GW,NEA,\n");

        await Importer(store).ImportAsync(path, null, CancellationToken.None);
        var imported = await store.Value.ReadVintagesAsync([Wind], null, RegionCode.Parse("11"), CancellationToken.None);
        await Importer(store).ImportAsync(path, null, new DateOnly(2022, 3, 1), CancellationToken.None);
        var given = await store.Value.ReadVintagesAsync([Wind], null, RegionCode.Parse("11"), CancellationToken.None);

        Assert.Equal([(2020, new DateOnly(2021, 2, 28)), (2021, new DateOnly(2026, 12, 4))], imported.Select(o => (o.Period.Year, o.Published!.Value)).Order());
        Assert.Equal(
            [(2020, new DateOnly(2021, 2, 28)), (2021, new DateOnly(2022, 3, 1)), (2021, new DateOnly(2026, 12, 4))],
            given.Select(o => (o.Period.Year, o.Published!.Value)).Order());
    }

    [Fact]
    public async Task ImportAsync_TwoVintagesOfOneValueInOneFile_BothAcceptedSameVintageTwiceIsDuplicate()
    {
        var store = new Storage(new(await influxd.NewDatabaseAsync()));
        var good = _dir.File("two.csv", Header + "11,cap_wind,2020,1,GW,first,2021-02-28\n11,cap_wind,2020,2,GW,revised,2021-12-17\n");
        var twice = _dir.File("twice.csv", Header + "11,cap_wind,2020,1,GW,first,2021-02-28\n11,cap_wind,2020,2,GW,revised,2021-02-28\n");

        await Importer(store).ImportAsync(good, null, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => Importer(store).ImportAsync(twice, null, CancellationToken.None));

        Assert.Equal(2, (await store.Value.ReadVintagesAsync([Wind], null, null, CancellationToken.None)).Count);
        Assert.Equal(3, Assert.Single(ex.Errors).Line);
    }

    [Fact]
    public async Task ImportAsync_GivenDateInTheFuture_Refused()
    {
        var store = new Storage(new(await influxd.NewDatabaseAsync()));
        var path = _dir.File("ok.csv", Header + "11,cap_wind,2020,1,GW,NEA,\n");

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Importer(store).ImportAsync(path, null, new DateOnly(2027, 1, 1), CancellationToken.None));

        Assert.Contains("in the future", ex.Message, StringComparison.Ordinal);
    }
}

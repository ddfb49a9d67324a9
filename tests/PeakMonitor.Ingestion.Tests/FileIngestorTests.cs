using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests;

public sealed class FileIngestorTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task IngestAsync_OneBadFileAmongGood_NothingStored()
    {
        var store = new InfluxTimeSeriesStore(await influxd.NewDatabaseAsync());
        var good = _dir.File("good.csv", "region,indicator,period,value,unit\n11,cap_wind,2020,1,GW\n");
        var bad = _dir.File("bad.csv", "region,indicator,period,value,unit\n11,cap_wind,2020,1,GW\n12,cap_wind,2020,oops,GW\n");

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => new FileIngestor(store).IngestAsync([good, bad], CancellationToken.None));

        Assert.Equal(("bad.csv", 3, "value"), (ex.Errors.Single().File, ex.Errors.Single().Line, ex.Errors.Single().Column));
        Assert.Empty(await store.ReadAsync(new SeriesQuery(IndicatorId.Parse("cap_wind"), SectorId.All, Period.OfYear(2020), Period.OfYear(2020)), CancellationToken.None));
    }

    [Fact]
    public async Task IngestAsync_SameFileTwice_ChangesNothing()
    {
        var client = await influxd.NewDatabaseAsync();
        var store = new InfluxTimeSeriesStore(client);
        var file = _dir.File("wind.csv", "region,indicator,period,value,unit,source\n11,cap_wind,2020,1,GW,NEA\n12,cap_wind,2020,250,MW,NEA\n13,cap_wind,2020,,GW,NEA\n");

        var first = await new FileIngestor(store).IngestAsync([file], CancellationToken.None);
        var second = await new FileIngestor(store).IngestAsync([file], CancellationToken.None);

        Assert.Equal(new IngestSummary(1, 2, 1), first);
        Assert.Equal(first, second);
        var stored = await store.ReadAsync(new SeriesQuery(IndicatorId.Parse("cap_wind"), SectorId.All, Period.OfYear(2020), Period.OfYear(2020)), CancellationToken.None);
        Assert.Equal([100.0, 2.5], stored.Select(o => o.Value));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx.Http;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Jobs;

public sealed class SyntheticFeedJobTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunOnce_TwiceInTheSameMonth_SameSyntheticPointsOnceMarkedSynthetic()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 8, 0, 0, TimeSpan.Zero));
        var job = new SyntheticFeedJob(kit.Store, kit.Kpis, kit.History, Options.Create(kit.Options), clock, NullLogger<SyntheticFeedJob>.Instance);

        Assert.Equal(RunStatus.Succeeded, await job.RunOnceAsync(CancellationToken.None));
        var once = await kit.CountAsync();
        var sum = await kit.SumAsync();
        Assert.Equal(RunStatus.Succeeded, await job.RunOnceAsync(CancellationToken.None));

        Assert.True(once >= 31 * 3, $"{once} points");
        Assert.Equal(once, await kit.CountAsync());
        Assert.Equal(sum, await kit.SumAsync(), precision: 6);
        var sources = await kit.Client.QueryAsync(new InfluxQuery("SELECT count(\"value\") FROM \"observation\" WHERE \"source\" <> 'synthetic'"), CancellationToken.None);
        Assert.Empty(sources.SelectMany(r => r.Series));
        Assert.Equal("synthetic 2026-03", (await kit.History.ListAsync(1, CancellationToken.None)).Single().File);
    }
}

using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.LineProtocol;
using PeakMonitor.TestKit;

namespace PeakMonitor.Influx.Tests.Http;

[Collection(InfluxdCollection.Name)]
public sealed class InfluxClientIntegrationTests(InfluxServerFixture influxd)
{
    private static readonly string[] HostileTagValues =
    [
        "a,b", "a b", "a=b", @"a\b", "\"q\"", "内蒙古",
        @"a\\b", "x, y=z", "'single'", "$region", "tab", "广西壮族自治区 (桂)", "😀",
    ];

    private static void RenderTagged((string Tag, double Value) p, LineBuilder line) =>
        line.Measurement("hostile").Tag("k", p.Tag).Field("value", p.Value).Timestamp(1_600_000_000);

    [Fact]
    public async Task WriteAsync_HostileTagValues_ReadBackByteIdentical()
    {
        var client = await influxd.NewDatabaseAsync();
        var points = HostileTagValues.Select((t, i) => (t, (double)i)).ToArray();

        await client.WriteAsync(points, (line, p) => RenderTagged(p, line), CancellationToken.None);

        var results = await client.QueryAsync(new InfluxQuery("SELECT value FROM hostile GROUP BY k"), CancellationToken.None);
        var stored = results.Single().Series.ToDictionary(s => s.Tags["k"], s => (double)s.Values.Single()[1]!, StringComparer.Ordinal);
        Assert.Equal(HostileTagValues.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (tag, value) in points)
        {
            Assert.Equal(value, stored[tag]);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(tag), System.Text.Encoding.UTF8.GetBytes(stored.Keys.Single(k => k == tag)));

            // And each value finds exactly its own point when bound as a parameter.
            var one = await client.QueryAsync(new InfluxQuery("SELECT value FROM hostile WHERE k = $k").Bind("k", tag), CancellationToken.None);
            Assert.Equal(value, (double)one.Single().Series.Single().Values.Single()[1]!);
        }
    }

    [Theory]
    [InlineData("11' OR k = '12")]
    [InlineData("11\" OR \"k\" = \"12")]
    [InlineData("11' OR 1=1 --")]
    [InlineData("/.*/")]
    [InlineData("11'; DROP DATABASE x; SELECT * FROM hostile WHERE k = '12")]
    [InlineData("$k")]
    public async Task QueryAsync_InjectionAttemptAsParameter_ReturnsNothingExtra(string attack)
    {
        var client = await influxd.NewDatabaseAsync();
        await client.WriteAsync([("11", 1.0), ("12", 2.0)], (line, p) => RenderTagged(p, line), CancellationToken.None);

        var attacked = await client.QueryAsync(new InfluxQuery("SELECT value FROM hostile WHERE k = $k").Bind("k", attack), CancellationToken.None);
        var honest = await client.QueryAsync(new InfluxQuery("SELECT value FROM hostile WHERE k = $k").Bind("k", "11"), CancellationToken.None);

        Assert.Empty(attacked.Single().Series);
        Assert.Single(honest.Single().Series.Single().Values);
        var all = await client.QueryAsync(new InfluxQuery("SELECT count(value) FROM hostile"), CancellationToken.None);
        Assert.Equal(2.0, all.Single().Series.Single().Values.Single()[1]);
    }

    [Fact]
    public async Task WriteAsync_SeveralBatchesInParallel_AllPointsStored()
    {
        var client = await influxd.NewDatabaseAsync(o => (o.BatchSize, o.WriteParallelism) = (1000, 4));
        var points = Enumerable.Range(0, 12_345).Select(i => (Tag: (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), Value: (double)i)).ToArray();

        var written = await client.WriteAsync(points, (line, p) => line.Measurement("many").Tag("k", p.Tag).Field("value", p.Value).Timestamp(1_000_000 + (long)p.Value), CancellationToken.None);

        Assert.Equal(12_345, written);
        var count = await client.QueryAsync(new InfluxQuery("SELECT count(value), sum(value) FROM many"), CancellationToken.None);
        var row = count.Single().Series.Single().Values.Single();
        Assert.Equal(12_345.0, row[1]);
        Assert.Equal(Enumerable.Range(0, 12_345).Sum(i => (double)i), row[2]);
    }

    [Fact]
    public async Task WriteAsync_InvalidPointInLastBatch_NothingStored()
    {
        var client = await influxd.NewDatabaseAsync(o => o.BatchSize = 10);
        var points = Enumerable.Range(0, 25).Select(i => (Tag: "k", Value: i == 24 ? double.NaN : i)).ToArray();

        await Assert.ThrowsAsync<LineProtocolException>(() =>
            client.WriteAsync(points, (line, p) => line.Measurement("partial").Tag("k", p.Tag).Field("value", p.Value).Timestamp(1_000 + (long)(double.IsNaN(p.Value) ? 0 : p.Value)), CancellationToken.None));

        var stored = await client.QueryAsync(new InfluxQuery("SELECT count(value) FROM partial"), CancellationToken.None);
        Assert.Empty(stored.Single().Series);
    }

    [Fact]
    public async Task WriteBodiesAsync_UnknownDatabase_ReportsInfluxMessage()
    {
        var client = influxd.Client("no_such_db");

        var ex = await Assert.ThrowsAsync<InfluxRequestException>(() => client.WriteBodiesAsync([System.Text.Encoding.UTF8.GetBytes("m v=1 1\n")], CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.Status);
        Assert.Contains("database not found", ex.InfluxMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteBodiesAsync_MalformedLine_400WithInfluxMessage()
    {
        var client = await influxd.NewDatabaseAsync();

        var ex = await Assert.ThrowsAsync<InfluxRequestException>(() => client.WriteBodiesAsync([System.Text.Encoding.UTF8.GetBytes("m v=1 1\nbad line here\n")], CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.Status);
        Assert.Contains("unable to parse", ex.InfluxMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_StatementErrorInsideOk_ThrowsWithInfluxMessage()
    {
        var client = await influxd.NewDatabaseAsync();
        await client.WriteAsync([("a", 1.0)], (line, p) => RenderTagged(p, line), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InfluxQueryException>(() => client.QueryAsync(new InfluxQuery("SELECT value FROM hostile WHERE time > now() - $d").Bind("d", "x"), CancellationToken.None));

        Assert.Contains("not compatible", ex.InfluxMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_SyntaxError_ReportsParserMessage()
    {
        var client = await influxd.NewDatabaseAsync();

        var ex = await Assert.ThrowsAnyAsync<InfluxException>(() => client.QueryAsync(new InfluxQuery("SELEC value FROM"), CancellationToken.None));

        Assert.Contains("error parsing query", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ResultLargerThanChunk_AllRowsMerged()
    {
        var client = await influxd.NewDatabaseAsync(o => o.QueryChunkSize = 7);
        var points = Enumerable.Range(0, 100).Select(i => (Tag: (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), Value: (double)i)).ToArray();
        await client.WriteAsync(points, (line, p) => line.Measurement("chunky").Tag("k", p.Tag).Field("value", p.Value).Timestamp(1_000 + (long)p.Value), CancellationToken.None);

        var results = await client.QueryAsync(new InfluxQuery("SELECT value FROM chunky GROUP BY k"), CancellationToken.None);

        var series = results.Single().Series;
        Assert.Equal(3, series.Count);
        Assert.Equal(100, series.Sum(s => s.Values.Count));
        Assert.All(series, s => Assert.Equal(s.Values.Select(r => (long)r[0]!).Order(), s.Values.Select(r => (long)r[0]!)));
    }
}

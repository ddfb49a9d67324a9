using System.Text;
using PeakMonitor.Influx.Http;

namespace PeakMonitor.Influx.Tests.Http;

public sealed class InfluxResponseReaderTests
{
    private static readonly Uri Server = new("http://127.0.0.1:8086/");

    private static Task<IReadOnlyList<InfluxStatementResult>> ReadAsync(string body) =>
        InfluxResponseReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), Server, "SELECT", CancellationToken.None);

    [Fact]
    public async Task ReadAsync_RepeatedStringsAndTimesAcrossChunks_OneInstanceEach()
    {
        // Two chunks (one JSON document per line), two series with the same periods and source.
        const string body =
            """{"results":[{"statement_id":0,"series":[{"name":"observation","tags":{"region":"11"},"columns":["time","value","source"],"values":[[1577836800,1.5,"NEA"],[1609459200,2.5,"NEA"]]}]}]}""" + "\n" +
            """{"results":[{"statement_id":0,"series":[{"name":"observation","tags":{"region":"12"},"columns":["time","value","source"],"values":[[1577836800,3.5,"NEA"],[1609459200,4.5,""]]}]}]}""" + "\n";

        var series = (await ReadAsync(body)).Single().Series;

        Assert.Equal(2, series.Count);
        var rows = series.SelectMany(s => s.Values).ToList();
        Assert.Equal([1.5, 2.5, 3.5, 4.5], rows.Select(r => (double)r[1]!));
        Assert.Same(rows[0][2], rows[1][2]);
        Assert.Same(rows[0][2], rows[2][2]);
        Assert.Equal("NEA", rows[0][2]);
        Assert.Same(string.Empty, rows[3][2]);
        Assert.Same(rows[0][0], rows[2][0]);
        Assert.Equal(1577836800L, rows[2][0]);
        Assert.Equal(1609459200L, rows[3][0]);
    }

    [Fact]
    public async Task ReadAsync_NotJson_ErrorNamesTheServerAndQuery()
    {
        var error = await Assert.ThrowsAsync<InfluxException>(() => ReadAsync("{\"results\": [\n"));

        Assert.Contains("127.0.0.1:8086", error.Message, StringComparison.Ordinal);
        Assert.Contains("'SELECT'", error.Message, StringComparison.Ordinal);
    }
}

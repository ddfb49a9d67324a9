using System.Net;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx.Http;

namespace PeakMonitor.Influx.Tests.Http;

public sealed class InfluxClientTests
{
    private static readonly Uri Server = new("http://127.0.0.1:9/");

    private static InfluxClient Client(StubHandler handler, Action<InfluxOptions>? configure = null)
    {
        var options = new InfluxOptions { Database = "db", MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return new InfluxClient(new HttpClient(handler), new FixedInfluxEndpoint(Server), Options.Create(options));
    }

    [Fact]
    public async Task WriteBodiesAsync_ServerErrorThenSuccess_Retried()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.ServiceUnavailable), _ => StubHandler.Status(HttpStatusCode.NoContent));

        await Client(handler).WriteBodiesAsync([new byte[] { 1, 2, 3 }], CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task WriteBodiesAsync_BadRequest_NotRetriedAndReportsInfluxMessage()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.BadRequest, """{"error":"partial write: field type conflict"}"""));

        var ex = await Assert.ThrowsAsync<InfluxRequestException>(() => Client(handler).WriteBodiesAsync([new byte[] { 1 }], CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal("partial write: field type conflict", ex.InfluxMessage);
        Assert.Contains(Server.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteBodiesAsync_ServerErrorEveryTime_GivesUpAfterRetriesWithStatus()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.InternalServerError, """{"error":"engine: cache full"}"""));

        var ex = await Assert.ThrowsAsync<InfluxRequestException>(() => Client(handler).WriteBodiesAsync([new byte[] { 1 }], CancellationToken.None));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.Status);
        Assert.Contains("cache full", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_Credentials_SentAsBasicAuthentication()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.NoContent));

        await Client(handler, o => (o.Username, o.Password) = ("analyst", "s3cret")).PingAsync(CancellationToken.None);

        var auth = handler.Requests[0].Headers.Authorization!;
        Assert.Equal("Basic", auth.Scheme);
        Assert.Equal("analyst:s3cret", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter!)));
    }

    [Fact]
    public async Task PingAsync_Unauthorized_ErrorPointsAtCredentials()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.Unauthorized, """{"error":"unable to parse authentication credentials"}"""));

        var ex = await Assert.ThrowsAsync<InfluxRequestException>(() => Client(handler).PingAsync(CancellationToken.None));

        Assert.Contains("Influx:Username", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ErrorInsideOkResponse_Throws()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.OK, """{"results":[{"statement_id":0,"error":"database not found: x"}]}"""));

        var ex = await Assert.ThrowsAsync<InfluxQueryException>(() => Client(handler).QueryAsync(new InfluxQuery("SELECT * FROM m"), CancellationToken.None));

        Assert.Equal("database not found: x", ex.InfluxMessage);
    }

    [Fact]
    public async Task QueryAsync_ChunkedPartialSeries_MergedInOrder()
    {
        const string body = """
            {"results":[{"statement_id":0,"series":[{"name":"m","tags":{"region":"11"},"columns":["time","value"],"values":[[1,1.5]],"partial":true}],"partial":true}]}
            {"results":[{"statement_id":0,"series":[{"name":"m","tags":{"region":"11"},"columns":["time","value"],"values":[[2,2.5]]}],"partial":true}]}
            {"results":[{"statement_id":0,"series":[{"name":"m","tags":{"region":"12"},"columns":["time","value"],"values":[[1,null]]}]}]}
            """;
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.OK, body));

        var results = await Client(handler).QueryAsync(new InfluxQuery("SELECT value FROM m GROUP BY region"), CancellationToken.None);

        var series = Assert.Single(results).Series;
        Assert.Equal(["11", "12"], series.Select(s => s.Tags["region"]));
        Assert.Equal([1L, 2L], series[0].Values.Select(r => r[0]));
        Assert.Equal([1.5, 2.5], series[0].Values.Select(r => r[1]));
        Assert.Null(series[1].Values[0][1]);
    }

    [Fact]
    public async Task QueryAsync_BoundParameters_SentAsParamsNotInText()
    {
        var handler = new StubHandler(_ => StubHandler.Status(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}"""));
        var query = new InfluxQuery("SELECT value FROM m WHERE region = $region").Bind("region", "11' OR 1=1");

        await Client(handler).QueryAsync(query, CancellationToken.None);

        var sent = Uri.UnescapeDataString(handler.Requests[0].RequestUri!.Query.Replace('+', ' '));
        Assert.Contains("q=SELECT value FROM m WHERE region = $region&", sent, StringComparison.Ordinal);
        Assert.Contains("params={\"region\":\"11\\u0027 OR 1=1\"}", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_InvalidParameterName_Throws() =>
        Assert.Throws<ArgumentException>(() => new InfluxQuery("SELECT 1").Bind("a b", "x"));
}

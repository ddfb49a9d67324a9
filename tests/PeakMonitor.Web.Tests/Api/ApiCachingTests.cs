using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Api;

/// <summary>The data API compressed and validated by ETag; the HTML pages never compressed (BREACH).</summary>
public sealed class ApiCachingTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [Fact]
    public async Task GetKpis_AcceptsGzip_CompressedOnePageUnderOneMegabyte()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/kpis");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await http.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        Assert.True(plain.Length < 1_000_000, $"one default page is {plain.Length:N0} bytes");
        Assert.True(compressed.Length * 4 < plain.Length, $"{compressed.Length:N0} bytes compressed from {plain.Length:N0}");
        using var json = JsonDocument.Parse(plain.ToArray());
        Assert.Equal(ApiEndpoints.DefaultKpiPageSize, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/kpis?region=44")]
    [InlineData("/api/series?indicator=cap_wind&region=CN")]
    public async Task Get_IfNoneMatchWithTheETag_NotModifiedWithoutBody(string url)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var first = await http.GetAsync(new Uri(url, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        // Another answer, another ETag: a stale one gets the full answer.
        using var other = await http.GetAsync(new Uri(url + "&page=1&pageSize=1", UriKind.Relative));
        Assert.NotEqual(etag, other.Headers.ETag);
        using var stale = new HttpRequestMessage(HttpMethod.Get, url + "&page=1&pageSize=1");
        stale.Headers.IfNoneMatch.Add(etag);
        using var full = await http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.NotEmpty(await full.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_InvalidQuery_NoETagAndTheProblemAnswered()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/kpis?year=<script>");
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Contains("year", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPage_AcceptsGzip_HtmlNotCompressed()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

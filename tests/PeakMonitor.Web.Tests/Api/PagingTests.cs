using System.Net;
using System.Text.Json;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Api;

/// <summary>Every list endpoint answers in pages no larger than its maximum, whatever is stored.</summary>
public sealed class PagingTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    [Fact]
    public async Task GetKpis_NoParameters_FirstPageOfTheDefaultSizeWithTotalAndNextLink()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri("/api/kpis", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(seeded.Expected.Count, root.GetProperty("total").GetInt32());
        Assert.True(seeded.Expected.Count > ApiEndpoints.DefaultKpiPageSize, "the seed data needs more than one page");
        Assert.Equal(ApiEndpoints.DefaultKpiPageSize, root.GetProperty("items").GetArrayLength());
        Assert.Equal((1, ApiEndpoints.DefaultKpiPageSize), (root.GetProperty("page").GetInt32(), root.GetProperty("pageSize").GetInt32()));
        Assert.Equal($"/api/kpis?page=2&pageSize={ApiEndpoints.DefaultKpiPageSize}", root.GetProperty("next").GetString());
        Assert.True(body.Length < 1_500_000, $"a default page is {body.Length:N0} bytes");
    }

    [Fact]
    public async Task GetKpis_FollowingNextLinks_EveryRowOnceAndTheLastPageHasNoNext()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        var seen = new HashSet<(string, string, string, int)>();
        string? next = "/api/kpis?pageSize=100&region=CN&year=&kpi=";
        var pages = 0;

        while (next is not null)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(next, UriKind.Relative)));
            foreach (var row in json.RootElement.GetProperty("items").EnumerateArray())
            {
                Assert.True(seen.Add((row.GetProperty("kpi").GetString()!, row.GetProperty("track").GetString()!, row.GetProperty("region").GetString()!, row.GetProperty("year").GetInt32())));
            }

            next = json.RootElement.GetProperty("next").GetString();
            pages++;
        }

        Assert.Equal(seeded.Expected.Count(r => r.Region.Value == "CN"), seen.Count);
        Assert.Equal((seen.Count + 99) / 100, pages);
    }

    [Fact]
    public async Task GetKpis_AllRowsInPagesOfTheMaximumSize_NextLinkKeepsTheFilters()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        var total = 0;
        string? next = "/api/kpis?pageSize=5000";
        while (next is not null)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(next, UriKind.Relative)));
            var items = json.RootElement.GetProperty("items").GetArrayLength();
            Assert.InRange(items, 1, ApiEndpoints.MaxKpiPageSize);
            total += items;
            next = json.RootElement.GetProperty("next").GetString();
            Assert.True(next is null || next.Contains("pageSize=5000", StringComparison.Ordinal), next);
        }

        using var filtered = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/kpis?region=44&pageSize=10", UriKind.Relative)));
        Assert.Equal(seeded.Expected.Count, total);
        Assert.Equal("/api/kpis?region=44&page=2&pageSize=10", filtered.RootElement.GetProperty("next").GetString());
    }

    [Fact]
    public async Task GetSeriesAndRuns_PastTheLastPage_EmptyItemsAndNoNext()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var series = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/series?indicator=energy_total&region=CN&page=2000000000&pageSize=10000", UriKind.Relative)));
        using var runs = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/runs?page=99", UriKind.Relative)));

        Assert.Equal(0, series.RootElement.GetProperty("items").GetArrayLength());
        Assert.True(series.RootElement.GetProperty("total").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Null, series.RootElement.GetProperty("next").ValueKind);
        Assert.Equal(0, runs.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, runs.RootElement.GetProperty("next").ValueKind);
    }
}

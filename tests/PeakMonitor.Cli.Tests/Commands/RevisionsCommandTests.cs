using System.Text.Json;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class RevisionsCommandTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    // Non-fossil share 2023 first published 198 / 1100 = 18.0% (behind the path to ≈20% in 2025),
    // revised to 230 / 1100 = 20.9%: the 2025 target met early.
    private const string First = """
        region,indicator,period,value,unit,source,published
        CN,energy_total,2020,1000,10k tce,communiqué 2020,2021-02-28
        CN,energy_nonfossil,2020,159,10k tce,communiqué 2020,2021-02-28
        CN,energy_total,2023,1100,10k tce,communiqué 2023,2024-02-29
        CN,energy_nonfossil,2023,198,10k tce,communiqué 2023,2024-02-29
        """;

    private const string Revised = """
        region,indicator,period,value,unit,source,published
        CN,energy_nonfossil,2023,230,10k tce,yearbook 2024,2024-12-27
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string[]> StoreWithRevisionAsync()
    {
        string[] store = ["--influx", influxd.Url.ToString(), "--database", "rev_" + Guid.NewGuid().ToString("N")[..8]];
        var ingest = await Cli.RunAsync(["ingest", _dir.File("first.csv", First), _dir.File("revised.csv", Revised), .. store]);
        Assert.True(ingest.Exit == 0, ingest.Err);
        return store;
    }

    [Fact]
    public async Task Revisions_Json_OldNewDatesSourceAndTheStatusItFlipped()
    {
        var store = await StoreWithRevisionAsync();

        var (exit, stdout, stderr) = await Cli.RunAsync(["revisions", "--region", "CN", "--format", "json", .. store]);

        Assert.True(exit == 0, stderr);
        var revision = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(
            ("energy_nonfossil", "2023", 198.0, 230.0, "2024-02-29", "2024-12-27", "yearbook 2024", "communiqué 2023"),
            (revision.GetProperty("indicator").GetString(), revision.GetProperty("period").GetString(), revision.GetProperty("oldValue").GetDouble(), revision.GetProperty("newValue").GetDouble(),
                revision.GetProperty("oldPublished").GetString(), revision.GetProperty("newPublished").GetString(), revision.GetProperty("source").GetString(), revision.GetProperty("oldSource").GetString()));
        var flip = revision.GetProperty("flips").EnumerateArray().Single(f => f.GetProperty("kpi").GetString() == "nonfossil_share" && f.GetProperty("year").GetInt32() == 2023);
        Assert.Equal("achieved_early", flip.GetProperty("after").GetString());
        Assert.NotEqual("achieved_early", flip.GetProperty("before").GetString());
    }

    [Fact]
    public async Task Revisions_OtherIndicatorOrRegion_NoneListed()
    {
        var store = await StoreWithRevisionAsync();

        var other = await Cli.RunAsync(["revisions", "--region", "CN", "--indicator", "energy_total", "--format", "json", .. store]);
        var province = await Cli.RunAsync(["revisions", "--region", "44", "--format", "json", .. store]);
        var table = await Cli.RunAsync(["revisions", "--region", "CN", "--indicator", "energy_nonfossil", .. store]);

        Assert.Equal(0, JsonDocument.Parse(other.Out).RootElement.GetArrayLength());
        Assert.Equal(0, JsonDocument.Parse(province.Out).RootElement.GetArrayLength());
        Assert.Contains("energy_nonfossil all 2023: 198.0 (2024-02-29) → 230.0 (2024-12-27)", table.Out, StringComparison.Ordinal);
        Assert.Contains("nonfossil_share/main 2023", table.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--region", "99", "--region '99'")]
    [InlineData("--indicator", "coal", "--indicator 'coal'")]
    public async Task Revisions_BadOption_Exit2NamesIt(string option, string value, string message)
    {
        string[] args = option == "--region" ? ["revisions", "--region", value] : ["revisions", "--region", "CN", option, value];

        var (exit, _, stderr) = await Cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}

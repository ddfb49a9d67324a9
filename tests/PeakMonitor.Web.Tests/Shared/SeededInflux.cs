using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.TestKit;

namespace PeakMonitor.Web.Tests.Shared;

/// <summary>A real influxd with the repository's seed data loaded once, and the engine's own results for it.</summary>
public sealed class SeededInflux : IAsyncLifetime
{
    public InfluxServerFixture Server { get; } = new();

    public InfluxClient Client { get; private set; } = null!;

    public IReadOnlyList<Observation> Observations { get; private set; } = [];

    /// <summary>What the KPI engine says for the seed data, computed here independently of the web app.</summary>
    public IReadOnlyList<KpiResult> Expected { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Client = await Server.NewDatabaseAsync();
        var observations = new List<Observation>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv"))
        {
            observations.AddRange((await CanonicalCsvReader.ReadFileAsync(file, CancellationToken.None)).Observations);
        }

        await new InfluxTimeSeriesStore(Client).WriteAsync(observations, CancellationToken.None);
        Observations = observations;

        // The seed files carry several vintages of some values: the pages read the latest.
        var panel = IndicatorPanel.From(Vintages.Latest(observations));
        var span = panel.YearSpan!.Value;
        Expected = new KpiEngine().Compute(panel, KpiCatalog.All, RegionCatalog.All.Select(r => r.Code), Enumerable.Range(span.First, span.Last - span.First + 1));
        PageYear = new KpiResultSet(panel, new KpiEngine(), DateTimeOffset.UnixEpoch).PageYear!.Value;
    }

    /// <summary>The year the pages show by default (the nation's latest complete year of official data).</summary>
    public int PageYear { get; private set; }

    /// <summary>The result of a year (the page year by default), as the pages show it.</summary>
    public KpiResult At(string kpi, string track, string region, int? year = null) =>
        Expected.Single(r => r.Kpi == kpi && r.Track == track && r.Region.Value == region && r.Year == (year ?? PageYear));

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public PeakMonitorWebFactory Factory(IReadOnlyDictionary<string, string?>? settings = null) => new(Server.Url, Client.Database, settings);

    /// <summary>The latest result with a value, as the pages show it.</summary>
    public KpiResult Latest(string kpi, string track, string region) =>
        Expected.Where(r => r.Kpi == kpi && r.Track == track && r.Region.Value == region && r.Value is not null).MaxBy(r => r.Year)!;
}

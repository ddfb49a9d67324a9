using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Kpis;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor kpi</c>: the plan's KPIs from canonical CSV files (<c>--data</c>, no store needed) or
/// from the store, through the same <see cref="KpiResults"/> and targets file (<c>Kpi:ProvincialTargetsFile</c>,
/// or <c>--targets</c>) as the web app.
/// </summary>
internal static class KpiCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = "A canonical CSV file, or a folder of them: compute from files instead of the store." };
        var region = new Option<string>("--region") { Description = "CN, a two-digit province code (11 … 65), or all.", DefaultValueFactory = _ => "all" };
        var year = new Option<string?>("--year") { Description = "One year (default: every year the data covers)." };
        var kpi = new Option<string?>("--kpi") { Description = "One KPI id, e.g. carbon_intensity_reduction (default: all)." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var targets = new Option<string?>("--targets") { Description = "Provincial targets file (default: Kpi:ProvincialTargetsFile, seed-data/targets/provincial-targets.csv)." };
        var asOf = new Option<string?>("--as-of") { Description = "YYYY-MM-DD: the KPIs as they stood that day, from each value's latest vintage published on or before it (default: the latest)." };

        var command = new Command("kpi", "Compute the action plan's KPIs, with targets, paths, status (晴雨表) and grade (考核).")
        {
            data, region, year, kpi, format, targets, asOf,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var kpis = SelectKpis(parsed.GetValue(kpi));
                var regions = SelectRegions(parsed.GetValue(region)!);
                var oneYear = GlobalOptions.Year(parsed.GetValue(year), "--year");
                var targetsFile = parsed.GetValue(targets);
                if (targetsFile is not null && !File.Exists(targetsFile))
                {
                    throw new ArgumentException($"--targets: file not found: {targetsFile}");
                }

                var day = GlobalOptions.Date(parsed.GetValue(asOf), "--as-of");
                var set = parsed.GetValue(data) is { } path
                    ? await FromFilesAsync(path, targetsFile, day, cancellationToken).ConfigureAwait(false)
                    : await FromStoreAsync(globals, parsed, targetsFile, day, cancellationToken).ConfigureAwait(false);

                int[] years = oneYear is { } y ? [y] : set.Years.ToArray();
                if (years.Length == 0)
                {
                    await stderr.WriteLineAsync("No data: give --year, or ingest data first.").ConfigureAwait(false);
                    return 1;
                }

                var ids = kpis.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
                var results = kpis.SelectMany(k => regions.SelectMany(r => years.SelectMany(yr => ResultsOf(set, k, r, yr)))).ToArray();
                await stdout.WriteAsync(parsed.GetValue(format) switch
                {
                    "json" => KpiOutput.ToJson(results) + "\n",
                    "csv" => KpiOutput.ToCsv(results),
                    _ => KpiOutput.ToTable(results),
                }).ConfigureAwait(false);
                return 0;
            }
            catch (CsvImportException ex)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return IngestCommand.InvalidInput;
            }
            catch (ArgumentException ex)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return IngestCommand.InvalidInput;
            }
            catch (Exception ex) when (ex is InfluxException or InfluxdNotInstalledException or OptionsValidationException)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return IngestCommand.StoreUnavailable;
            }
        });
        return command;
    }

    /// <summary>A KPI's results for a region and year in catalogue track order (a year outside the data is computed on demand).</summary>
    private static IEnumerable<KpiResult> ResultsOf(KpiResultSet set, KpiDefinition kpi, RegionCode region, int year)
    {
        var kept = set.Years.Contains(year);
        return kept
            ? kpi.Tracks.Concat(set.Results.Where(r => r.Kpi == kpi.Id && r.Region == region && r.Year == year).Select(r => r.Track)).Distinct()
                .Select(t => set.At(kpi.Id, t, region, year)).OfType<KpiResult>()
            : set.For(region, year).Where(r => r.Kpi == kpi.Id);
    }

    private static KpiDefinition[] SelectKpis(string? id) =>
        id is null ? KpiCatalog.All.ToArray()
        : KpiCatalog.TryGet(id, out var one) ? [one]
        : throw new ArgumentException($"'{id}' is not a KPI; known: {string.Join(", ", KpiCatalog.All.Select(k => k.Id))}.");

    internal static RegionCode[] SelectRegions(string text) =>
        text == "all" ? RegionCatalog.All.Select(r => r.Code).ToArray()
        : RegionCode.TryParse(text, out var code) ? [code]
        : throw new ArgumentException($"'{text}' is not a region: use CN, a two-digit code (11 … 65) or all.");

    private static string[] CsvFiles(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).ToArray() : [path];

    /// <summary>From files: the same results service over the files' observations, with the configured (or given) targets file.</summary>
    internal static Task<KpiResultSet> FromFilesAsync(string path, string? targetsFile, CancellationToken cancellationToken) =>
        FromFilesAsync(path, targetsFile, asOf: null, cancellationToken);

    internal static async Task<KpiResultSet> FromFilesAsync(string path, string? targetsFile, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var observations = (await FileIngestor.ReadAllAsync(CsvFiles(path), cancellationToken).ConfigureAwait(false)).SelectMany(f => f.Observations).ToArray();
        var settings = GlobalOptions.KpiResultsOptions();
        if (targetsFile is not null)
        {
            settings.ProvincialTargetsFile = targetsFile;
        }

        var results = new KpiResults(new ObservationReader(observations), Options.Create(GlobalOptions.KpiOptions()), Options.Create(settings), TimeProvider.System, NullLogger<KpiResults>.Instance);
        return asOf is { } day
            ? await results.GetAsOfAsync(day, cancellationToken).ConfigureAwait(false)
            : await results.GetAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static Task<KpiResultSet> FromStoreAsync(GlobalOptions globals, ParseResult parsed, string? targetsFile, CancellationToken cancellationToken) =>
        FromStoreAsync(globals, parsed, targetsFile, asOf: null, cancellationToken);

    internal static async Task<KpiResultSet> FromStoreAsync(GlobalOptions globals, ParseResult parsed, string? targetsFile, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var host = globals.BuildHost(parsed, targetsFile is null ? null : new Dictionary<string, string?> { ["Kpi:ProvincialTargetsFile"] = targetsFile });
        await using var disposeHost = (IAsyncDisposable)host;
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var kpis = host.Services.GetRequiredService<IKpiResults>();
            return asOf is { } day
                ? await kpis.GetAsOfAsync(day, cancellationToken).ConfigureAwait(false)
                : await kpis.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Targets;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor kpi</c>: compute and judge the plan's KPIs from canonical CSV files (<c>--data</c>,
/// no store needed) or from the store.
/// </summary>
internal static class KpiCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = "A canonical CSV file, or a folder of them: compute from files instead of the store." };
        var region = new Option<string>("--region") { Description = "CN, a two-digit province code (11 … 65), or all.", DefaultValueFactory = _ => "all" };
        var year = new Option<int?>("--year") { Description = "One year (default: every year the data covers)." };
        var kpi = new Option<string?>("--kpi") { Description = "One KPI id, e.g. carbon_intensity_reduction (default: all)." };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var targets = new Option<string?>("--targets") { Description = "Provincial targets file (kpi,region,baseline_year,target_year,target,modality[,track,source])." };

        var command = new Command("kpi", "Compute the action plan's KPIs, with targets, paths, status (晴雨表) and grade (考核).")
        {
            data, region, year, kpi, format, targets,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var kpis = SelectKpis(parsed.GetValue(kpi));
                var regions = SelectRegions(parsed.GetValue(region)!);
                var provincial = parsed.GetValue(targets) is { } targetsFile
                    ? await ProvincialTargetsReader.ReadFileAsync(targetsFile, cancellationToken).ConfigureAwait(false)
                    : [];
                var panel = parsed.GetValue(data) is { } path
                    ? IndicatorPanel.From((await FileIngestor.ReadAllAsync(CsvFiles(path), cancellationToken).ConfigureAwait(false)).SelectMany(f => f.Observations))
                    : await FromStoreAsync(globals, parsed, kpis, cancellationToken).ConfigureAwait(false);

                int[] years = parsed.GetValue(year) is { } y ? [y]
                    : panel.YearSpan is { } span ? Enumerable.Range(span.First, span.Last - span.First + 1).ToArray()
                    : [];
                if (years.Length == 0)
                {
                    await stderr.WriteLineAsync("No data: give --year, or ingest data first.").ConfigureAwait(false);
                    return 1;
                }

                var results = new KpiEngine(GlobalOptions.KpiOptions(), provincial).Compute(panel, kpis, regions, years);
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

    private static KpiDefinition[] SelectKpis(string? id) =>
        id is null ? KpiCatalog.All.ToArray()
        : KpiCatalog.TryGet(id, out var one) ? [one]
        : throw new ArgumentException($"'{id}' is not a KPI; known: {string.Join(", ", KpiCatalog.All.Select(k => k.Id))}.");

    private static RegionCode[] SelectRegions(string text) =>
        text == "all" ? RegionCatalog.All.Select(r => r.Code).ToArray()
        : RegionCode.TryParse(text, out var code) ? [code]
        : throw new ArgumentException($"'{text}' is not a region: use CN, a two-digit code (11 … 65) or all.");

    private static string[] CsvFiles(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).ToArray() : [path];

    private static async Task<IndicatorPanel> FromStoreAsync(GlobalOptions globals, ParseResult parsed, IEnumerable<KpiDefinition> kpis, CancellationToken cancellationToken)
    {
        var host = globals.BuildHost(parsed);
        await using var disposeHost = (IAsyncDisposable)host;
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await IndicatorPanelLoader.LoadAsync(host.Services.GetRequiredService<ITimeSeriesReader>(), kpis, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

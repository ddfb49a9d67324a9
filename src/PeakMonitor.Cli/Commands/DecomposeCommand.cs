using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Reports.Json;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor decompose</c>: what drove the change in energy CO2 of a region between two years, by the
/// additive LMDI decomposition of the Kaya identity (<see cref="LmdiDecomposition"/>), from the store or
/// from canonical CSV files (<c>--data</c>).
/// </summary>
internal static class DecomposeCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var region = new Option<string>("--region") { Description = "CN or a two-digit province code (11 … 65).", Required = true };
        var from = new Option<string>("--from") { Description = "The start year.", Required = true };
        var to = new Option<string>("--to") { Description = "The end year (after --from).", Required = true };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var chain = new Option<bool>("--chain") { Description = "Also the year-by-year (chained) view: every year between needs data." };
        var data = new Option<string?>("--data") { Description = "A canonical CSV file, or a folder of them: compute from files instead of the store." };
        var asOf = new Option<string?>("--as-of") { Description = "YYYY-MM-DD: decompose the data as they stood that day (each value's latest vintage published on or before it)." };

        var command = new Command("decompose", "Decompose the change in energy CO2 into population, affluence, energy intensity and carbon intensity of energy (additive LMDI).")
        {
            region, from, to, format, chain, data, asOf,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var code = RegionCode.TryParse(parsed.GetValue(region), out var c) ? c
                    : throw new ArgumentException($"--region '{parsed.GetValue(region)}' is not a region: use CN or a two-digit code (11 … 65).");
                var y0 = GlobalOptions.Year(parsed.GetValue(from), "--from")!.Value;
                var yT = GlobalOptions.Year(parsed.GetValue(to), "--to")!.Value;
                if (yT <= y0)
                {
                    throw new ArgumentException($"--to {yT} must come after --from {y0}.");
                }

                var day = GlobalOptions.Date(parsed.GetValue(asOf), "--as-of");
                var panel = parsed.GetValue(data) is { } path
                    ? await FromFilesAsync(path, day, cancellationToken).ConfigureAwait(false)
                    : await FromStoreAsync(globals, parsed, day, cancellationToken).ConfigureAwait(false);
                var decomposition = LmdiDecomposition.Of(panel, code, y0, yT);
                var chained = parsed.GetValue(chain) ? LmdiChain.Of(panel, code, y0, yT) : null;
                var row = DecompositionRow.Of(decomposition, chained, panel);
                await stdout.WriteAsync(parsed.GetValue(format) == "json" ? JsonSerializer.Serialize(row, Json) + "\n" : Table(row)).ConfigureAwait(false);
                return 0;
            }
            catch (DecompositionException ex)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return IngestCommand.InvalidInput;
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

    /// <summary>One line per effect with its share of the total change, then the chained view's steps.</summary>
    internal static string Table(DecompositionRow row)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var r = RegionCatalog.Get(RegionCode.Parse(row.Region));
        sb.AppendLine(string.Create(inv, $"能源活动CO2变化分解 Decomposition of energy CO2 · {r.ShortNameZh} {r.NameEn} ({row.Region}) · {row.From} → {row.To} · {row.Unit}"));
        sb.AppendLine(string.Create(inv, $"{row.From}: {row.Start:N1}   {row.To}: {row.End:N1}   {(row.Synthetic ? "合成数据 synthetic · " : string.Empty)}{row.Quality}"));
        sb.AppendLine(row.Chained is null ? "因素 Effect                                       变化 Change     占比 Share" : "因素 Effect                                       变化 Change     占比 Share    逐年累计 Chained");
        foreach (var effect in KayaEffects.All)
        {
            var v = row.Effects[effect.Id()];
            var share = row.Total == 0 ? "—" : (v / row.Total * 100).ToString("0.0", inv) + "%";
            var line = string.Create(inv, $"{effect.Zh() + " " + effect.En(),-44} {v,14:N1} {share,10}");
            sb.AppendLine(row.Chained is { } ch ? line + string.Create(inv, $" {ch[effect.Id()],16:N1}") : line);
        }

        sb.AppendLine(string.Create(inv, $"{"合计 Total",-44} {row.Total,14:N1} {(row.Total == 0 ? "—" : "100.0%"),10}{(row.Chained is { } c2 ? string.Create(inv, $" {c2.Values.Sum(),16:N1}") : string.Empty)}"));
        if (row.Steps is { } steps)
        {
            sb.AppendLine();
            sb.AppendLine("年份 Years      合计 Total  " + string.Join("  ", KayaEffects.All.Select(e => e.Id())));
            foreach (var s in steps)
            {
                sb.AppendLine(string.Create(inv, $"{s.From}→{s.To}  {s.Total,12:N1}  ") + string.Join("  ", KayaEffects.All.Select(e => s.Effects[e.Id()].ToString("N1", inv).PadLeft(e.Id().Length))));
            }
        }

        sb.AppendLine("方法 Method: " + row.Method);
        return sb.ToString();
    }

    private static string[] CsvFiles(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).ToArray() : [path];

    private static async Task<IndicatorPanel> FromFilesAsync(string path, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var read = (await FileIngestor.ReadAllAsync(CsvFiles(path), cancellationToken).ConfigureAwait(false)).SelectMany(f => f.Observations).ToArray();

        // Files may carry several vintages of one value (national-cn-vintages.csv): the latest, or the one as of the day.
        return IndicatorPanel.From(asOf is { } day ? Domain.Series.Vintages.AsOf(read, day) : Domain.Series.Vintages.Latest(read));
    }

    private static async Task<IndicatorPanel> FromStoreAsync(GlobalOptions globals, ParseResult parsed, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var host = globals.BuildHost(parsed);
        await using var disposeHost = (IAsyncDisposable)host;
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ITimeSeriesReader reader = asOf is { } day
                ? new AsOfReader(host.Services.GetRequiredService<IVintageReader>(), day)
                : host.Services.GetRequiredService<ITimeSeriesReader>();
            return await KayaPanelLoader.LoadAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.Reports.Json;

namespace PeakMonitor.Cli.Commands;

/// <summary><c>peakmonitor peak</c>: the CO2 peak test (<see cref="PeakTest"/>): probability already peaked, peak-year distribution, plateau test.</summary>
internal static class PeakCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = "A canonical CSV file, or a folder of them: compute from files instead of the store." };
        var region = new Option<string>("--region") { Description = "CN or a two-digit province code (11 … 65).", DefaultValueFactory = _ => "CN" };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var model = new OutlookCommand.ModelOptions();
        var command = new Command("peak", "达峰检验 CO2 peak test: probability already peaked, peak-year distribution, plateau test.") { data, region, format };
        model.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var regions = KpiCommand.SelectRegions(parsed.GetValue(region)!);
                var set = parsed.GetValue(data) is { } path
                    ? await KpiCommand.FromFilesAsync(path, null, cancellationToken).ConfigureAwait(false)
                    : await KpiCommand.FromStoreAsync(globals, parsed, null, cancellationToken).ConfigureAwait(false);
                var outlooks = new OutlookSet(set, model.Model(parsed));
                var tests = regions.Select(r => (Region: r, Test: outlooks.Peak(r))).ToArray();
                if (tests.Length == 1 && tests[0].Test is null)
                {
                    await stderr.WriteLineAsync($"Error: region {tests[0].Region}: not enough CO2 history for the peak test.").ConfigureAwait(false);
                    return IngestCommand.InvalidInput;
                }

                var rows = tests.Where(t => t.Test is not null).Select(t => PeakRow.From(t.Test!)).ToArray();
                var json = parsed.GetValue(format) == "json";
                await stdout.WriteAsync(json
                    ? JsonSerializer.Serialize(rows.Length == 1 ? rows[0] : (object)rows, OutlookCommand.Json) + "\n"
                    : string.Concat(rows.Select(Table))).ConfigureAwait(false);
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

    private static string Table(PeakRow p)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(inv, $"CO2达峰检验 Peak test · {p.Region} · 截至 as of {p.AsOf} · 期限 horizon {p.Horizon}"));
        sb.AppendLine(string.Create(inv, $"已达峰概率 Probability already peaked: {p.ProbabilityPeaked * 100:0}% (观测最高 observed max {p.ObservedMaxYear}); {p.Horizon}年前达峰 before {p.Horizon}: {p.ProbabilityPeakByHorizon * 100:0}%"));
        if (p.LatestYearFromMonths is { } m)
        {
            sb.AppendLine(string.Create(inv, $"{m.Year}年按前{m.Months}个月估算 estimated from {m.Months} months: {m.Estimate:0.##} (上年同期 × same months of {m.Year - 1} × {m.Ratio:0.####})"));
        }

        sb.AppendLine("峰值年份分布 Peak-year distribution: " + string.Join("  ", p.PeakYearDistribution.Select(d => string.Create(inv, $"{d.Year}{(d.OrLater ? "+" : string.Empty)} {d.Probability * 100:0.#}%"))));
        if (p.Plateau is { } t)
        {
            sb.AppendLine(string.Create(inv, $"平台期检验 Plateau test {t.From}–{t.To}: slope {t.SlopePercentPerYear:0.00}%/yr, 95% CI [{t.CiLowPercentPerYear:0.00}, {t.CiHighPercentPerYear:0.00}], t = {t.TStatistic:0.00} (df {t.DegreesOfFreedom}, critical {t.CriticalT}) → {(t.Plateau ? "平台期 plateau (not distinguishable from zero)" : "有显著趋势 trend distinguishable from zero")}"));
        }

        sb.AppendLine("方法 Method: " + p.Method);
        return sb.ToString();
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.Ingestion.Targets;
using PeakMonitor.Reports.Json;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor outlook</c>: the probability of meeting each target by its deadline and the quantile
/// fan per future year (<see cref="OutlookModel"/>), from files (<c>--data</c>) or the store; with
/// <c>--backtest</c>, the same model run as of the middle of past Five-Year Plans and scored against the
/// outcomes of seed-data/backtest/fyp-outcomes.csv beside a naive linear-extrapolation rule.
/// </summary>
internal static class OutlookCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal sealed class ModelOptions
    {
        public Option<int?> Draws { get; } = new("--draws") { Description = "Simulated paths (config Outlook:Draws, default 2000)." };

        public Option<int?> Window { get; } = new("--window") { Description = "Annual changes looked back on (config Outlook:WindowYears, default 10)." };

        public Option<int?> Block { get; } = new("--block") { Description = "Block length of the bootstrap (config Outlook:BlockLength, default 2)." };

        public Option<int?> Seed { get; } = new("--seed") { Description = "Random seed (config Outlook:Seed)." };

        public void AddTo(Command command)
        {
            command.Options.Add(Draws);
            command.Options.Add(Window);
            command.Options.Add(Block);
            command.Options.Add(Seed);
        }

        public OutlookModel Model(ParseResult parsed)
        {
            var o = GlobalOptions.OutlookOptions();
            o = o with
            {
                Draws = parsed.GetValue(Draws) ?? o.Draws,
                WindowYears = parsed.GetValue(Window) ?? o.WindowYears,
                BlockLength = parsed.GetValue(Block) ?? o.BlockLength,
                Seed = parsed.GetValue(Seed) ?? o.Seed,
            };
            return new OutlookModel(o);
        }
    }

    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = "A canonical CSV file, or a folder of them: compute from files instead of the store." };
        var region = new Option<string>("--region") { Description = "CN, a two-digit province code (11 … 65), or all.", DefaultValueFactory = _ => "CN" };
        var kpi = new Option<string?>("--kpi") { Description = "One KPI id (default: every KPI with a target and enough history)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var targets = new Option<string?>("--targets") { Description = "Provincial targets file (default: Kpi:ProvincialTargetsFile)." };
        var backtest = new Option<bool>("--backtest") { Description = "Score the model on past Five-Year Plans (national data) instead." };
        var outcomes = new Option<string>("--outcomes") { Description = "The past plans' targets and outcomes.", DefaultValueFactory = _ => BacktestCasesReader.DefaultPath };
        var model = new ModelOptions();

        var command = new Command("outlook", "达标概率 The probability of meeting each target by its deadline, with quantiles per year (block bootstrap); --backtest scores it on past plans.")
        {
            data, region, kpi, format, targets, backtest, outcomes,
        };
        model.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var outlookModel = model.Model(parsed);
                var json = parsed.GetValue(format) == "json";
                var targetsFile = parsed.GetValue(targets);
                var set = parsed.GetValue(data) is { } path
                    ? await KpiCommand.FromFilesAsync(path, targetsFile, cancellationToken).ConfigureAwait(false)
                    : await KpiCommand.FromStoreAsync(globals, parsed, targetsFile, cancellationToken).ConfigureAwait(false);
                if (parsed.GetValue(backtest))
                {
                    var cases = await BacktestCasesReader.ReadFileAsync(parsed.GetValue(outcomes)!, cancellationToken).ConfigureAwait(false);
                    var report = Backtest.Run(set.Panel, cases, outlookModel);
                    await stdout.WriteAsync(json ? JsonSerializer.Serialize(Reports.Json.BacktestReportRow.From(report), Json) + "\n" : BacktestTable(report)).ConfigureAwait(false);
                    return 0;
                }

                KpiDefinition[]? kpis = parsed.GetValue(kpi) is { } id
                    ? KpiCatalog.TryGet(id, out var one) ? [one] : throw new ArgumentException($"'{id}' is not a KPI; known: {string.Join(", ", KpiCatalog.All.Select(k => k.Id))}.")
                    : null;
                var regions = KpiCommand.SelectRegions(parsed.GetValue(region)!);
                var outlooks = new OutlookSet(set, outlookModel);
                var rows = regions.SelectMany(r => outlooks.For(r)).Where(o => kpis is null || kpis.Any(k => k.Id == o.Kpi)).ToArray();
                await stdout.WriteAsync(json ? JsonSerializer.Serialize(rows.Select(OutlookRow.From), Json) + "\n" : Table(rows, outlookModel)).ConfigureAwait(false);
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

    private static string Table(IReadOnlyList<KpiOutlook> rows, OutlookModel model)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("KPI                                     地区 Region  截至 As of  目标 Target      期限 Deadline  达标概率 P   中位数 Median  P10–P90");
        foreach (var o in rows)
        {
            var name = o.Track == "main" ? o.Kpi : $"{o.Kpi}[{o.Track}]";
            var last = o.Quantiles[^1];
            sb.AppendLine(string.Create(inv, $"{name,-40} {o.Region.Value,-12} {o.AsOfYear,-10} {o.Target,7:0.##} {o.Unit,-7} {o.Deadline,-13} {o.Probability * 100,8:0}%   {last.P50,12:0.##}  {last.P10:0.##}–{last.P90:0.##}"));
        }

        if (rows.Count == 0)
        {
            sb.AppendLine("— 没有目标和足够历史数据的指标 No KPI with a target and enough history");
        }

        sb.AppendLine("方法 Method: " + model.Method);
        return sb.ToString();
    }

    internal static string BacktestTable(BacktestReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        string N(double? v, string f = "0.0") => v is { } x ? x.ToString(f, inv) : "—";
        var sb = new StringBuilder();
        sb.AppendLine("回溯检验 Backtest · 全国 CN · 规划期中 as of mid-plan");
        sb.AppendLine("规划 Plan  指标 KPI           目标 Target  截至 As of  模型概率 P  模型中位数  线性外推 Naive   实际 Outcome  达标 Met");
        foreach (var r in report.Rows)
        {
            var c = r.Case;
            var naive = r.NaiveSaysMet is { } yes ? (yes ? "是 yes" : "否 no") + " (" + N(r.NaiveProjection) + ")" : "—";
            var met = c.Met is { } m ? (m ? "是 yes" : "否 no") : "无来源 no source";
            sb.AppendLine(string.Create(inv, $"{c.Plan,-9} {c.Kpi,-18} {(c.Kpi == "nonfossil_share" ? " " : "−")}{c.Target,4:0.##}% {c.TargetYear}  {c.AsOfYear,-10} {N(r.Probability * 100, "0"),9}%  {N(r.Median),10}  {naive,-15} {N(c.Outcome),11}  {met}"));
        }

        sb.AppendLine(string.Create(inv, $"Brier 分数 score ({report.Scored} 项 scored; lower is better, 0.25 = coin): 模型 model {N(report.ModelBrier, "0.000")} · 线性外推 naive {N(report.NaiveBrier, "0.000")}"));
        sb.AppendLine("来源 Sources:");
        foreach (var c in report.Rows.Select(r => r.Case))
        {
            sb.AppendLine($"  {c.Plan} {c.Kpi}: 目标 {c.TargetSource} <{c.TargetUrl}>" + (c.OutcomeSource is { } os ? $"; 实际 {os} <{c.OutcomeUrl}>" : "; 实际：未找到来源 outcome: no retrieved source"));
        }

        sb.AppendLine("方法 Method: " + report.Method);
        return sb.ToString();
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Reports.Json;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor whatif</c>: the 2025/2030 values and statuses of the KPIs the levers drive
/// (<see cref="ScenarioModel"/>); with <c>--solve LEVER --for KPI</c>, the value of one lever that meets
/// the KPI's target exactly, the others as given.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = "A canonical CSV file, or a folder of them: compute from files instead of the store." };
        var region = new Option<string>("--region") { Description = "CN or a two-digit province code (11 … 65).", DefaultValueFactory = _ => "CN" };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var defaults = new Scenario();
        var levers = Levers.All.ToDictionary(l => l, l => new Option<double>("--" + l.Id()) { Description = $"{l.Zh()} {l.En()} (default {defaults.Get(l).ToString(CultureInfo.InvariantCulture)}).", DefaultValueFactory = _ => defaults.Get(l) });
        var solve = new Option<string?>("--solve") { Description = "The lever to solve for: " + string.Join(", ", Levers.All.Select(l => l.Id())) + "." };
        var forKpi = new Option<string?>("--for") { Description = "The KPI whose target the solved lever must meet exactly (with --solve)." };
        var track = new Option<string?>("--track") { Description = "The KPI's track (default: its main track)." };
        var targets = new Option<string?>("--targets") { Description = "Provincial targets file (default: Kpi:ProvincialTargetsFile)." };
        var name = new Option<string?>("--name") { Description = "A name for the scenario." };
        var outlook = new OutlookCommand.ModelOptions();

        var command = new Command("whatif", "情景分析 What-if: the KPIs' 2025/2030 values and statuses under levers; --solve finds one lever that meets a target.")
        {
            data, region, format, solve, forKpi, track, targets, name,
        };
        foreach (var option in levers.Values)
        {
            command.Options.Add(option);
        }

        outlook.AddTo(command);

        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var code = RegionCode.TryParse(parsed.GetValue(region), out var c) ? c
                    : throw new ArgumentException($"--region '{parsed.GetValue(region)}' is not a region: use CN or a two-digit code (11 … 65).");
                var scenario = Levers.All.Aggregate(new Scenario { Name = parsed.GetValue(name) }, (s, l) => s.With(l, parsed.GetValue(levers[l])));
                var problems = scenario.Validate().ToArray();
                if (problems.Length > 0)
                {
                    throw new ArgumentException(string.Join(" ", problems.Select(p => "--" + p)));
                }

                Lever? lever = parsed.GetValue(solve) is { } text
                    ? Levers.TryParse(text, out var l) ? l : throw new ArgumentException($"--solve '{text}' is not a lever: use {string.Join(", ", Levers.All.Select(x => x.Id()))}.")
                    : null;
                var kpi = parsed.GetValue(forKpi);
                if ((lever is null) != (kpi is null))
                {
                    throw new ArgumentException("--solve and --for go together.");
                }

                if (kpi is not null && !ScenarioModel.DrivenKpis.Contains(kpi))
                {
                    throw new ArgumentException($"--for '{kpi}' is not a KPI the levers drive: use {string.Join(", ", ScenarioModel.DrivenKpis)}.");
                }

                var targetsFile = parsed.GetValue(targets);
                var set = parsed.GetValue(data) is { } path
                    ? await KpiCommand.FromFilesAsync(path, targetsFile, cancellationToken).ConfigureAwait(false)
                    : await KpiCommand.FromStoreAsync(globals, parsed, targetsFile, cancellationToken).ConfigureAwait(false);
                var model = new ScenarioModel(set.Panel, code, set.Engine);
                SolveResult? solved = null;
                if (lever is { } lv)
                {
                    solved = model.Solve(scenario, lv, kpi!, parsed.GetValue(track));
                    if (solved.Value is { } x)
                    {
                        scenario = scenario.With(lv, x);
                    }
                }

                var row = ScenarioRow.From(model.Evaluate(scenario, outlook.Model(parsed)), solved);
                await stdout.WriteAsync(parsed.GetValue(format) == "json" ? JsonSerializer.Serialize(row, OutlookCommand.Json) + "\n" : Table(row)).ConfigureAwait(false);
                return solved is { Problem: not null } ? 1 : 0;
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

    private static string Table(ScenarioRow row)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(inv, $"情景 Scenario{(row.Name is { } n ? " «" + n + "»" : string.Empty)} · {row.Region} · 基年 base year {row.BaseYear} · ") + string.Join(", ", row.Levers.Select(l => string.Create(inv, $"{l.Key} {l.Value:0.###}"))));
        sb.AppendLine("KPI                                     年份 Year   值 Value      目标 Target   达标概率 P   状态 Status");
        foreach (var r in row.Results)
        {
            var name = r.Track == "main" ? r.Kpi : $"{r.Kpi}[{r.Track}]";
            sb.AppendLine(string.Create(inv, $"{name,-40} {r.Year,-9} {(r.Value is { } v ? v.ToString("0.##", inv) : "—"),9} {r.Unit,-6} {(r.Target is { } t ? t.ToString("0.##", inv) + " " + r.TargetYear : "—"),-12} {(r.Probability is { } p ? (p * 100).ToString("0", inv) + "%" : "—"),-12} {r.StatusZh ?? "—"}"));
        }

        sb.AppendLine("达标概率 P: the scenario's path as the mean, the KPI's own year-to-year spread around it (outlook window, block bootstrap); in the target's year only.");

        if (row.Solve is { } s)
        {
            sb.AppendLine(s.Problem is null
                ? string.Create(inv, $"求解 Solve: {s.Lever} = {s.Value:0.######} → {s.Kpi}[{s.Track}] {s.Year} = {s.Achieved:0.######} (目标 target {s.Target:0.##})")
                : $"求解 Solve: {s.Lever} for {s.Kpi}[{s.Track}]: {s.Problem}");
        }

        return sb.ToString();
    }
}

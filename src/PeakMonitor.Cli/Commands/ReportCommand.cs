using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.Reports.Pdf;
using Spectre.Console;

namespace PeakMonitor.Cli.Commands;

/// <summary><c>peakmonitor report</c>: the annual assessment as PDF, Excel annex and/or HTML, for the nation, a province or all 31.</summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var year = new Option<string>("--year") { Description = "Assessment year.", Required = true };
        var region = new Option<string>("--region") { Description = "CN, a province code (11 … 65), or all (the nation and the 31 provinces).", DefaultValueFactory = _ => "CN" };
        var lang = new Option<string>("--lang") { Description = "zh or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var format = new Option<string>("--format") { Description = "Comma-separated: pdf, xlsx, html, docx (Word, editable).", DefaultValueFactory = _ => "pdf,xlsx" };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "reports" };
        var command = new Command("report", "Generate the annual assessment report (碳达峰目标任务年度评估) from the stored data.") { year, region, lang, format, output };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var y = GlobalOptions.Year(parsed.GetValue(year), "--year")!.Value;

                var regionText = parsed.GetValue(region)!;
                RegionCode[] regions = regionText == "all" ? RegionCatalog.All.Select(r => r.Code).ToArray()
                    : RegionCode.TryParse(regionText, out var one) ? [one]
                    : throw new ArgumentException($"'{regionText}' is not a region: use CN, a two-digit code (11 … 65) or all.");
                var formats = ParseFormats(parsed.GetValue(format)!);

                var host = globals.BuildHost(parsed);
                await using var disposeHost = (IAsyncDisposable)host;
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var services = host.Services;
                    var generator = services.GetRequiredService<ReportGenerator>();
                    var english = parsed.GetValue(lang) == "en";
                    var outDir = parsed.GetValue(output)!;
                    IReadOnlyList<ReportFile> files = [];
                    if (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
                    {
                        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                        await console.Progress().StartAsync(async ctx =>
                        {
                            var task = ctx.AddTask("reports", maxValue: regions.Length);
                            var progress = new Progress<ReportProgress>(p => { task.Value = p.Done; task.Description = $"reports ({p.Current})"; });
                            files = await generator.GenerateAsync(y, regions, english, formats, outDir, progress, cancellationToken).ConfigureAwait(false);
                        }).ConfigureAwait(false);
                    }
                    else
                    {
                        files = await generator.GenerateAsync(y, regions, english, formats, outDir, null, cancellationToken).ConfigureAwait(false);
                    }

                    foreach (var f in files)
                    {
                        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {f.Path}  {f.Bytes:N0} bytes  sha256 {f.Sha256[..16]}")).ConfigureAwait(false);
                    }

                    // The verdict of each report, in its language: what an official reads first.
                    foreach (var g in files.GroupBy(f => f.Region))
                    {
                        var f = g.First();
                        var grade = f.OverallGrade is { } og ? (english ? og.En() : og.Zh()) : (english ? "not graded (no binding targets)" : "不评定（无约束性目标）");
                        var missing = f.Missing.Count > 0 ? (english ? " — missing: " : "：缺少 ") + string.Join(english ? ", " : "、", f.Missing) : string.Empty;
                        await stdout.WriteLineAsync($"{g.Key.Value} {y}: {grade}{missing}").ConfigureAwait(false);
                    }

                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {files.Count} file(s) for {regions.Length} region(s), {y}, to {Path.GetFullPath(outDir)}.")).ConfigureAwait(false);
                }
                finally
                {
                    await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return 0;
            }
            catch (ArgumentException ex)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return IngestCommand.InvalidInput;
            }
            catch (Exception ex) when (ex is StoreException or InfluxdNotInstalledException or OptionsValidationException or ChromiumNotInstalledException)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return IngestCommand.StoreUnavailable;
            }
        });
        return command;
    }

    private static ReportFormats ParseFormats(string text)
    {
        var formats = ReportFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= part switch
            {
                "pdf" => ReportFormats.Pdf,
                "xlsx" => ReportFormats.Xlsx,
                "html" => ReportFormats.Html,
                "docx" => ReportFormats.Docx,
                _ => throw new ArgumentException($"'{part}' is not a report format: use pdf, xlsx, html, docx."),
            };
        }

        return formats == ReportFormats.None ? throw new ArgumentException("--format names no format.") : formats;
    }
}

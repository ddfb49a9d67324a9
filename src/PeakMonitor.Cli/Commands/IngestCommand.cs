using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.Ingestion.Jobs;
using Spectre.Console;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor ingest FILE…</c>: validate data files (canonical CSV, NBS-style wide tables, .xlsx),
/// write them to InfluxDB streaming, then recompute the KPIs they affect.
/// </summary>
internal static class IngestCommand
{
    public const int InvalidInput = 2;
    public const int StoreUnavailable = 3;

    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Data files: canonical long CSV (region,indicator,period,value,unit[,sector,source,note,quality,published]), NBS-style wide CSV, or .xlsx.",
            Arity = ArgumentArity.OneOrMore,
        };
        var skipImported = new Option<bool>("--skip-imported") { Description = "Skip files whose exact content (SHA-256) was imported successfully before (run history)." };
        var published = new Option<string?>("--published")
        {
            Description = "YYYY-MM-DD: the date the files' values were published, for rows without a published column or cell (default: today, the import's date).",
        };
        var command = new Command("ingest", "Validate data files and write their observations to InfluxDB; a bad file stores nothing.") { files, skipImported, published };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var paths = parsed.GetValue(files) ?? [];
            try
            {
                var publishedOn = GlobalOptions.Date(parsed.GetValue(published), "--published");

                // Validate every file before starting anything: a bad file should not need a database, and a
                // batch with a bad file stores nothing.
                var problems = new List<CsvRowError>();
                var limits = GlobalOptions.ImportOptions();
                foreach (var path in paths)
                {
                    problems.AddRange((await DataFileScanner.ScanFileAsync(path, null, checkDuplicates: true, hints: null, cancellationToken, limits: limits).ConfigureAwait(false)).Errors);
                }

                if (problems.Count > 0)
                {
                    throw new CsvImportException(problems);
                }

                var host = globals.BuildHost(parsed);
                await using var disposeHost = (IAsyncDisposable)host;
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await RunAsync(host.Services, paths, parsed.GetValue(skipImported), publishedOn, stdout, stderr, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (CsvImportException ex)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return InvalidInput;
            }
            catch (ArgumentException ex)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return InvalidInput;
            }
            catch (Exception ex) when (ex is StoreException or InfluxdNotInstalledException or OptionsValidationException)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return StoreUnavailable;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, string[] paths, bool skipImported, DateOnly? published, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<ImportRunner>();
        var runs = new List<ImportRun>();
        var showProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        if (showProgress)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    foreach (var path in paths)
                    {
                        var task = ctx.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: 1);
                        var progress = new Progress<ImportProgress>(p =>
                        {
                            task.Description = Markup.Escape($"{p.File} ({p.Phase})");
                            task.MaxValue = Math.Max(1, p.Rows);
                            task.Value = p.Phase == "write" ? p.Written : 0;
                        });
                        runs.Add(await runner.RunAsync("cli", path, skipImported, progress, published, cancellationToken).ConfigureAwait(false));
                        task.Value = task.MaxValue;
                    }
                }).ConfigureAwait(false);
        }
        else
        {
            foreach (var path in paths)
            {
                runs.Add(await runner.RunAsync("cli", path, skipImported, null, published, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (var (run, path) in runs.Zip(paths))
        {
            var o = run.Outcome;
            await stdout.WriteLineAsync(o is null
                ? $"  {Path.GetFileName(path)}: {run.Status.ToString().ToLowerInvariant()}{(run.Error is null ? string.Empty : ": " + run.Error)}"
                : string.Create(CultureInfo.InvariantCulture, $"  {o.File}: {o.RowsRead} rows, {o.Written} points, {o.MissingValues} empty values ({o.Layout.ToString().ToLowerInvariant()}, {o.Encoding}, sha256 {o.Sha256[..12]})")).ConfigureAwait(false);
        }

        var options = services.GetRequiredService<IOptions<InfluxOptions>>().Value;
        var server = await services.GetRequiredService<IInfluxEndpoint>().GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        var imported = runs.Where(r => r.Outcome is not null).ToArray();
        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {imported.Sum(r => r.Outcome!.Written)} points from {imported.Length} file(s) to database '{options.Database}' at {server} ({imported.Sum(r => r.Outcome!.MissingValues)} empty values skipped as missing).")).ConfigureAwait(false);
        if (imported.Length > 0)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"KPI results recomputed from the store: {imported[^1].KpiResults} (every KPI, region, year and track).")).ConfigureAwait(false);
        }

        if (runs.FirstOrDefault(r => r.Status == RunStatus.Failed) is { } failed)
        {
            await stderr.WriteLineAsync("Error: " + failed.Error).ConfigureAwait(false);
            return StoreUnavailable;
        }

        if (runs.FirstOrDefault(r => r.Status == RunStatus.Rejected) is { } rejected)
        {
            await stderr.WriteLineAsync(rejected.Error).ConfigureAwait(false);
            return InvalidInput;
        }

        return 0;
    }
}

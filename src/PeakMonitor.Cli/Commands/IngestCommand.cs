using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Cli.Commands;

/// <summary><c>peakmonitor ingest FILE…</c>: validate canonical CSV files, convert units, write them to InfluxDB.</summary>
internal static class IngestCommand
{
    public const int InvalidInput = 2;
    public const int StoreUnavailable = 3;

    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Canonical long CSV files (region,indicator,period,value,unit[,sector,source,note]).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ingest", "Validate data files and write their observations to InfluxDB; a bad file stores nothing.") { files };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var paths = parsed.GetValue(files) ?? [];
            try
            {
                // Validate before starting anything: a bad file should not need a database.
                var read = await FileIngestor.ReadAllAsync(paths, cancellationToken).ConfigureAwait(false);

                var host = globals.BuildHost(parsed);
                await using var disposeHost = (IAsyncDisposable)host;
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var summary = await host.Services.GetRequiredService<FileIngestor>().WriteAsync(read, cancellationToken).ConfigureAwait(false);
                    var options = host.Services.GetRequiredService<IOptions<InfluxOptions>>().Value;
                    var server = await host.Services.GetRequiredService<IInfluxEndpoint>().GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
                    await stdout.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Wrote {summary.PointsWritten} points from {summary.Files} file(s) to database '{options.Database}' at {server} ({summary.MissingValues} empty values skipped as missing).")).ConfigureAwait(false);
                }
                finally
                {
                    await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return 0;
            }
            catch (CsvImportException ex)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return InvalidInput;
            }
            catch (Exception ex) when (ex is InfluxException or InfluxdNotInstalledException or OptionsValidationException)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return StoreUnavailable;
            }
        });
        return command;
    }
}

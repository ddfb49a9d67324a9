using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.Ingestion.Synthetic;

namespace PeakMonitor.Benchmarks;

/// <summary>
/// End-to-end import of a canonical CSV (parse, validate, convert, write) with the streaming
/// importer, beside the raw write baseline of the same run. The import runs in a child process of
/// its own, so that its peak memory (the kernel's high-water mark, VmHWM) is the importer's alone.
/// Goals: ≥ 100,000 rows/s and peak memory under 500 MB.
/// </summary>
internal static class ImportBenchmark
{
    public const string ChildVerb = "import-child";

    public static string WriteCsv(IEnumerable<Observation> observations, string directory)
    {
        var path = Path.Combine(directory, "import-benchmark.csv");
        using var writer = new StreamWriter(path);
        CanonicalCsvWriter.Write(writer, observations);
        return path;
    }

    public static async Task RunAsync(string path, int rows, Uri server, string database, double rawBaselineRate)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            ArgumentList = { ChildVerb, path, server.ToString(), database },
            RedirectStandardOutput = true,
        };
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("IMPORT ", StringComparison.Ordinal))?.Split(' ')
            ?? throw new InvalidOperationException("The import child failed:\n" + output);
        var (read, written, seconds, peak) = (long.Parse(result[1], CultureInfo.InvariantCulture), long.Parse(result[2], CultureInfo.InvariantCulture), double.Parse(result[3], CultureInfo.InvariantCulture), long.Parse(result[4], CultureInfo.InvariantCulture));

        var rate = read / seconds;
        Console.WriteLine($"Import of a {rows:N0}-row canonical CSV ({new FileInfo(path).Length / 1e6:F0} MB; validation pass + streaming write pass, own process): {seconds:F2} s, {rate:N0} rows/s; {written:N0} points written");
        Console.WriteLine($"  beside the raw write baseline of this run ({rawBaselineRate:N0} points/s): {rate / rawBaselineRate:F2}x");
        Console.WriteLine($"  peak memory of the importing process (VmHWM): {peak / 1e6:F0} MB");
        Console.WriteLine($"  goal >= 100,000 rows/s: {(rate >= 100_000 ? "met" : "MISSED")}; goal peak memory < 500 MB: {(peak < 500e6 ? "met" : "MISSED")}");
    }

    /// <summary>The child: import the file, print one line "IMPORT rows written seconds peakBytes".</summary>
    public static async Task<int> ChildAsync(string path, Uri server, string database)
    {
        var options = Options.Create(new InfluxOptions { Database = database });
        var client = new InfluxClient(new HttpClient(), new FixedInfluxEndpoint(server), options);
        await new InfluxDatabaseProvisioner(client, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxDatabaseProvisioner>.Instance).EnsureDatabaseAsync(CancellationToken.None);
        var importer = new FileImporter(new InfluxTimeSeriesStore(client), Options.Create(new ImportOptions()), TimeProvider.System);
        var sw = Stopwatch.StartNew();
        var outcome = await importer.ImportAsync(path, null, CancellationToken.None);
        sw.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"IMPORT {outcome.RowsRead} {outcome.Written} {sw.Elapsed.TotalSeconds:R} {self.PeakWorkingSet64}"));
        return 0;
    }
}

using System.Diagnostics;

namespace PeakMonitor.TestKit;

/// <summary>InfluxDB's own command-line client (Debian package influxdb-client), for checking what our code stored.</summary>
public static class InfluxCli
{
    public static async Task<string> ExecuteAsync(Uri server, string database, string influxQl)
    {
        var start = new ProcessStartInfo("influx")
        {
            ArgumentList = { "-host", server.Host, "-port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-database", database, "-format", "csv", "-execute", influxQl },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start influx (install the influxdb-client package).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"influx exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}

namespace PeakMonitor.Influx.Managed;

/// <summary>No influxd executable was found for the managed local server.</summary>
public sealed class InfluxdNotInstalledException(string executable)
    : Exception($"Cannot start a local InfluxDB: '{executable}' was not found on PATH. Install Debian's 'influxdb' package (sudo apt-get install influxdb), or set Influx:Url to an existing server.")
{
    public string Executable { get; } = executable;
}

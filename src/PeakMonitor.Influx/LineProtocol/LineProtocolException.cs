namespace PeakMonitor.Influx.LineProtocol;

/// <summary>A point cannot be written as line protocol; raised before anything is sent.</summary>
public sealed class LineProtocolException(string message) : Exception(message);

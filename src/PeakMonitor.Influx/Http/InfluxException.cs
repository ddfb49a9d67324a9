using System.Net;
using PeakMonitor.Domain.Ports;

namespace PeakMonitor.Influx.Http;

/// <summary>Something went wrong talking to InfluxDB; the message names the server.</summary>
public class InfluxException(string message, Uri server, Exception? inner = null) : StoreException(message, inner)
{
    public Uri Server { get; } = server;
}

/// <summary>The server could not be reached (refused, reset, timed out) even after retries.</summary>
public sealed class InfluxUnavailableException(string message, Uri server, Exception? inner = null)
    : InfluxException(message, server, inner);

/// <summary>The server answered with an error status; <see cref="InfluxMessage"/> is InfluxDB's own text.</summary>
public sealed class InfluxRequestException(string message, Uri server, HttpStatusCode status, string? influxMessage)
    : InfluxException(message, server)
{
    public HttpStatusCode Status { get; } = status;

    public string? InfluxMessage { get; } = influxMessage;
}

/// <summary>A statement failed inside a 200 answer (InfluxQL reports query errors in the body).</summary>
public sealed class InfluxQueryException(string message, Uri server, int statementId, string influxMessage)
    : InfluxException(message, server)
{
    public int StatementId { get; } = statementId;

    public string InfluxMessage { get; } = influxMessage;
}

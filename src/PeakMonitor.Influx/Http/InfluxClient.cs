using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx.LineProtocol;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PeakMonitor.Influx.Http;

/// <summary>
/// A small typed client for the InfluxDB v1 HTTP API (/ping, /write, /query), served by InfluxDB
/// 1.x, 2.x (compatibility API), 3.x and Enterprise. Network errors, timeouts and 5xx answers are
/// retried with exponential backoff; 4xx answers are reported with InfluxDB's own message.
/// </summary>
public sealed partial class InfluxClient
{
    private readonly HttpClient _http;
    private readonly IInfluxEndpoint _endpoint;
    private readonly InfluxOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly AuthenticationHeaderValue? _auth;

    public InfluxClient(HttpClient http, IInfluxEndpoint endpoint, IOptions<InfluxOptions> options, ILogger<InfluxClient>? logger = null)
    {
        _http = http;
        _endpoint = endpoint;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        // Each attempt has its own timeout; HttpClient's own timeout would cut across retries.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(_options.Username))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}"));
            _auth = new AuthenticationHeaderValue("Basic", token);
        }

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (_options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 2, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}");
                    return default;
                },
            });
        }

        _pipeline = pipeline.AddTimeout(_options.RequestTimeout).Build();
    }

    public string Database => _options.Database;

    /// <summary>Checks that the server answers /ping; returns its version header.</summary>
    public async Task<string?> PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "ping", null, null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "ping", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("X-Influxdb-Version", out var v) ? v.FirstOrDefault() : null;
    }

    /// <summary>
    /// Writes items as line protocol in batches of <see cref="InfluxOptions.BatchSize"/> lines, with
    /// <see cref="InfluxOptions.WriteParallelism"/> requests in flight. Every item is rendered before
    /// the first request is sent, so an item that cannot be written stops the whole write before
    /// anything is stored (InfluxDB keeps the good lines of a batch it answers 400 to).
    /// </summary>
    public async Task<int> WriteAsync<T>(IReadOnlyList<T> items, Action<LineBuilder, T> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(render);
        var batchSize = _options.BatchSize;
        var batchCount = (items.Count + batchSize - 1) / batchSize;
        var bodies = new ReadOnlyMemory<byte>[batchCount];

        // Rendering is CPU work: do it in parallel, and completely, before any request is sent.
        try
        {
            Parallel.For(0, batchCount, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = _options.WriteParallelism }, b =>
            {
                var builder = new LineBuilder(batchSize * 140);
                var end = Math.Min(items.Count, (b + 1) * batchSize);
                for (var i = b * batchSize; i < end; i++)
                {
                    render(builder, items[i]);
                }

                bodies[b] = builder.Written;
            });
        }
        catch (AggregateException ex)
        {
            // Report the point's own error (e.g. a LineProtocolException), not the parallel loop's wrapper.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        await WriteBodiesAsync(bodies, cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>Posts pre-rendered line-protocol bodies (each one batch), with bounded parallelism and retries.</summary>
    public async Task WriteBodiesAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        var path = "write?db=" + Uri.EscapeDataString(_options.Database) + "&precision=s";
        await Parallel.ForEachAsync(
            Enumerable.Range(0, bodies.Count),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = _options.WriteParallelism },
            async (b, ct) =>
            {
                using var response = await SendAsync(HttpMethod.Post, path, () => new ReadOnlyMemoryContent(bodies[b]), null, ct).ConfigureAwait(false);
                await EnsureSuccessAsync(response, $"write of batch {b + 1}/{bodies.Count}", ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Runs a read-only query (SELECT, SHOW) against the configured database, streaming a chunked answer.</summary>
    public Task<IReadOnlyList<InfluxStatementResult>> QueryAsync(InfluxQuery query, CancellationToken cancellationToken) =>
        RunAsync(query, HttpMethod.Get, cancellationToken);

    /// <summary>Runs a statement that changes the server (CREATE, DROP) with POST, as the v1 API requires.</summary>
    public Task<IReadOnlyList<InfluxStatementResult>> ExecuteAsync(InfluxQuery query, CancellationToken cancellationToken) =>
        RunAsync(query, HttpMethod.Post, cancellationToken);

    private async Task<IReadOnlyList<InfluxStatementResult>> RunAsync(InfluxQuery query, HttpMethod method, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("db", _options.Database),
            new("q", query.Text),
            new("epoch", "s"),
            new("chunked", "true"),
            new("chunk_size", _options.QueryChunkSize.ToString(CultureInfo.InvariantCulture)),
        };
        if (query.Parameters.Count > 0)
        {
            form.Add(new("params", query.ParametersJson()));
        }

        // GET carries the form in the URL (read-only statements); POST in the body, as the v1 API expects.
        using var response = method == HttpMethod.Get
            ? await SendAsync(method, "query?" + await new FormUrlEncodedContent(form).ReadAsStringAsync(cancellationToken).ConfigureAwait(false), null, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
            : await SendAsync(method, "query", () => new FormUrlEncodedContent(form), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var server = await _endpoint.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await EnsureSuccessAsync(response, $"query '{query.Text}'", cancellationToken).ConfigureAwait(false);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await InfluxResponseReader.ReadAsync(body, server, query.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new InfluxUnavailableException($"InfluxDB at {server} broke off the answer to query '{query.Text}': {ex.Message}", server, ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent>? content, HttpCompletionOption? completion, CancellationToken cancellationToken)
    {
        var server = await _endpoint.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        var uri = new Uri(server, path);
        try
        {
            return await _pipeline.ExecuteAsync(
                async ct =>
                {
                    // A request message (and its content) cannot be sent twice: build one per attempt.
                    using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
                    request.Headers.Authorization = _auth;
                    return await _http.SendAsync(request, completion ?? HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var attempts = _options.MaxRetries + 1;
            throw new InfluxUnavailableException($"InfluxDB at {server} is not reachable ({ex.Message}) after {attempts} attempt(s).", server, ex);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var server = await _endpoint.GetBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var message = ErrorMessage(text);
        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " (check Influx:Username and Influx:Password)" : string.Empty;
        throw new InfluxRequestException(
            $"InfluxDB at {server} refused the {what} with {(int)response.StatusCode} {response.ReasonPhrase}{hint}: {message}",
            server,
            response.StatusCode,
            message);
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e))
            {
                return e.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
        }

        return body.Trim();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB request failed; attempt {Attempt} in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, double delayMs, string reason);
}

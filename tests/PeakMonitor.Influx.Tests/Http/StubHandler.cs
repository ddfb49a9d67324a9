using System.Net;

namespace PeakMonitor.Influx.Tests.Http;

/// <summary>A scripted HTTP server for pure unit tests of the client's retry and error handling.</summary>
internal sealed class StubHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var answer = answers[Math.Min(Requests.Count - 1, answers.Length - 1)];
        return Task.FromResult(answer(request));
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string body = "") => new(status) { Content = new StringContent(body) };
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeakMonitor.Influx.Http;

namespace PeakMonitor.Influx.Managed;

/// <summary>
/// The endpoint used by the app and the CLI: <c>Influx:Url</c> when configured, otherwise a managed
/// local influxd, started once on first use and stopped when the container is disposed.
/// </summary>
public sealed class InfluxServerEndpoint(IOptions<InfluxOptions> options, ILoggerFactory loggerFactory) : IInfluxEndpoint, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ManagedInfluxd? _managed;
    private Uri? _address;

    public ManagedInfluxd? Managed => _managed;

    public async ValueTask<Uri> GetBaseAddressAsync(CancellationToken cancellationToken)
    {
        if (_address is not null)
        {
            return _address;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_address is null)
            {
                var url = options.Value.Url;
                if (!string.IsNullOrWhiteSpace(url))
                {
                    _address = new Uri(url.EndsWith('/') ? url : url + "/");
                }
                else
                {
                    _managed = await ManagedInfluxd.StartAsync(options.Value.Managed, loggerFactory.CreateLogger<ManagedInfluxd>(), cancellationToken).ConfigureAwait(false);
                    _address = _managed.Url;
                }
            }

            return _address;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_managed is not null)
        {
            await _managed.DisposeAsync().ConfigureAwait(false);
            _managed = null;
        }

        _gate.Dispose();
    }

    /// <summary>For containers disposed synchronously: stopping influxd must not be skipped.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

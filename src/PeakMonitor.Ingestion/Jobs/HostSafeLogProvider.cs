using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>
/// Hangfire's logging through a host's <see cref="ILoggerFactory"/>, quiet once that host has stopped.
/// Hangfire keeps its log provider in a static and its classes keep the loggers they got first, so in a
/// process that runs several hosts one after another (the test suite) a job of a later host would log
/// through a disposed factory and fail on <see cref="ObjectDisposedException"/>. In the app (one host)
/// nothing changes.
/// </summary>
internal sealed class HostSafeLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Quiet.Instance;
        }
    }

    private sealed class Quiet : ILog
    {
        public static readonly Quiet Instance = new();

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}

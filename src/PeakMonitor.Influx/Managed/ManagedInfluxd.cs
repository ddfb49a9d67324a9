using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PeakMonitor.Influx.Managed;

/// <summary>
/// Debian's <c>influxd</c> (InfluxDB 1.x) run as a child process on loopback, with its config and
/// data in one folder. Used by the app and the CLI when no server URL is configured, and by tests
/// for throwaway servers. If a live influxd already serves the folder (say, the web app is running
/// and the CLI is called), it is reused rather than started twice. A started influxd never outlives
/// the process that started it, however that process ends (<see cref="ParentBoundProcess"/>).
/// </summary>
public sealed partial class ManagedInfluxd : IAsyncDisposable
{
    private const string EndpointFileName = "influxd.endpoint.json";
    private readonly Process? _process;
    private readonly ParentBoundProcess? _bound;
    private readonly ILogger _logger;
    private readonly string _endpointFile;
    private readonly Queue<string> _recentOutput = new();

    private ManagedInfluxd(Uri url, string dataDirectory, ParentBoundProcess? bound, ILogger logger)
    {
        Url = url;
        DataDirectory = dataDirectory;
        _bound = bound;
        _process = bound?.Process;
        _logger = logger;
        _endpointFile = Path.Combine(dataDirectory, EndpointFileName);
    }

    public Uri Url { get; }

    public string DataDirectory { get; }

    /// <summary>True when this instance started the process (and will stop it); false when it attached to one already running.</summary>
    public bool Owned => _process is not null;

    public int? ProcessId => _process?.Id;

    public static async Task<ManagedInfluxd> StartAsync(ManagedInfluxdOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var executable = ResolveExecutable(options.Executable) ?? throw new InfluxdNotInstalledException(options.Executable);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        var existing = await TryAttachAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            LogAttached(logger, existing, dataDirectory);
            return new ManagedInfluxd(existing, dataDirectory, null, logger);
        }

        var httpPort = options.HttpPort > 0 ? options.HttpPort : FreePort();
        var configPath = Path.Combine(dataDirectory, "influxd.conf");
        await File.WriteAllTextAsync(configPath, Config(dataDirectory, httpPort, FreePort(), options.AuthEnabled), cancellationToken).ConfigureAwait(false);

        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "run", "-config", configPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        var bound = ParentBoundProcess.Start(start, ResolveExecutable("setpriv"));
        if (!bound.Bound)
        {
            LogUnbound(logger);
        }

        var process = bound.Process;
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}/"));
        var server = new ManagedInfluxd(url, dataDirectory, bound, logger);
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitForPingAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await File.WriteAllTextAsync(server._endpointFile, JsonSerializer.Serialize(new EndpointRecord(url.ToString(), process.Id)), cancellationToken).ConfigureAwait(false);
        LogStarted(logger, url, process.Id, dataDirectory);
        return server;
    }

    /// <summary>Stops the process gracefully (SIGTERM), killing it if it does not exit within ten seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _ = SysKill(_process.Id, SigTerm);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            DeleteEndpointFile();
            LogStopped(_logger, Url);
        }
        finally
        {
            _bound?.Release();
            _process.Dispose();
        }
    }

    private void DeleteEndpointFile()
    {
        try
        {
            File.Delete(_endpointFile);
        }
        catch (IOException)
        {
            // The data folder is gone or busy; a stale file is ignored on the next start (its pid is checked).
        }
    }

    private async Task WaitForPingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with code {_process.ExitCode} while starting (data folder {DataDirectory}). Its last output:\n{RecentOutput()}");
            }

            if (await PingAsync(http, Url, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"influxd did not answer {Url}ping within {timeout.TotalSeconds:F0} s (data folder {DataDirectory}). Its last output:\n{RecentOutput()}");
    }

    private static async Task<Uri?> TryAttachAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(dataDirectory, EndpointFileName);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<EndpointRecord>(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            if (record is null || !Uri.TryCreate(record.Url, UriKind.Absolute, out var url) || !IsAlive(record.Pid))
            {
                return null;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            return await PingAsync(http, url, cancellationToken).ConfigureAwait(false) ? url : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited && p.ProcessName.Contains("influxd", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> PingAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url, "ping"), cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_recentOutput)
        {
            _recentOutput.Enqueue(line);
            while (_recentOutput.Count > 40)
            {
                _recentOutput.Dequeue();
            }
        }
    }

    private string RecentOutput()
    {
        lock (_recentOutput)
        {
            return string.Join('\n', _recentOutput);
        }
    }

    internal static string? ResolveExecutable(string executable)
    {
        if (executable.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(executable) ? Path.GetFullPath(executable) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Everything on loopback; the RPC (backup) port is moved too, or two servers collide on 8088.
    private static string Config(string dir, int httpPort, int rpcPort, bool auth) => string.Create(CultureInfo.InvariantCulture, $"""
        reporting-enabled = false
        bind-address = "127.0.0.1:{rpcPort}"

        [meta]
          dir = "{Path.Combine(dir, "meta")}"

        [data]
          dir = "{Path.Combine(dir, "data")}"
          wal-dir = "{Path.Combine(dir, "wal")}"
          query-log-enabled = false

        [http]
          bind-address = "127.0.0.1:{httpPort}"
          log-enabled = false
          auth-enabled = {(auth ? "true" : "false")}

        [monitor]
          store-enabled = false

        [logging]
          level = "warn"
        """);

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started local influxd at {Url} (pid {Pid}, data in {DataDirectory})")]
    private static partial void LogStarted(ILogger logger, Uri url, int pid, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the local influxd already running at {Url} (data in {DataDirectory})")]
    private static partial void LogAttached(ILogger logger, Uri url, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "setpriv (util-linux) was not found: the local influxd is started without a parent-death signal and would outlive this process if it crashed")]
    private static partial void LogUnbound(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped local influxd at {Url}")]
    private static partial void LogStopped(ILogger logger, Uri url);

    private sealed record EndpointRecord(string Url, int Pid);
}

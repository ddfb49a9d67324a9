using System.Diagnostics;

namespace PeakMonitor.Influx.Managed;

/// <summary>
/// A child process that cannot outlive this one. It is started through util-linux's
/// <c>setpriv --pdeathsig KILL</c> (Debian: essential package, always installed), which asks the kernel
/// (prctl PR_SET_PDEATHSIG) to SIGKILL the child when its parent ends — including by SIGKILL, a crash or
/// the OOM killer, where no cleanup code of ours runs — and then execs the program (same pid).
/// The kernel's "parent" is the thread that forked the child (prctl(2)), so the fork happens on a
/// dedicated thread that lives until <see cref="Release"/>: a thread-pool thread that retires would kill
/// the child with it. Without setpriv the child is started plainly and <see cref="Bound"/> is false.
/// </summary>
internal sealed class ParentBoundProcess
{
    private readonly ManualResetEventSlim _release;

    private ParentBoundProcess(Process process, bool bound, ManualResetEventSlim release)
    {
        Process = process;
        Bound = bound;
        _release = release;
    }

    public Process Process { get; }

    /// <summary>Whether the kernel will kill the child when this process ends.</summary>
    public bool Bound { get; }

    public static ParentBoundProcess Start(ProcessStartInfo start, string? setpriv)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (setpriv is not null)
        {
            var program = start.FileName;
            start.FileName = setpriv;
            start.ArgumentList.Insert(0, "--pdeathsig");
            start.ArgumentList.Insert(1, "KILL");
            start.ArgumentList.Insert(2, "--");
            start.ArgumentList.Insert(3, program);
        }

        Process? process = null;
        Exception? failure = null;
        var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var keeper = new Thread(() =>
        {
            try
            {
                process = Process.Start(start);
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                failure = ex;
            }

            started.Set();
            if (process is not null)
            {
                release.Wait();
            }
        })
        {
            IsBackground = true,
            Name = "child process keeper",
        };
        keeper.Start();
        started.Wait();
        if (failure is not null || process is null)
        {
            throw new InvalidOperationException($"Could not start {start.FileName}: {failure?.Message}", failure);
        }

        return new ParentBoundProcess(process, setpriv is not null, release);
    }

    /// <summary>Lets the forking thread end: call once the child has exited (if it has not, the kernel kills it now).</summary>
    public void Release() => _release.Set();
}

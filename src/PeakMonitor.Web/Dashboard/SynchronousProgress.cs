namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// Reports progress on the caller's thread. <see cref="Progress{T}"/> posts each report to the thread pool,
/// so a status page polled right after a job finishes could still see an older count arrive late.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

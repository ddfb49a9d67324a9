using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// Keeps the result of a store read for <see cref="DashboardOptions.CacheDuration"/>, keyed by what was
/// asked (the explorer's query, a region's sectors), so that many people looking at the same view cost
/// one query, not one each. Concurrent first requests for a key share one read.
/// </summary>
public sealed class ReadCache(IOptions<DashboardOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Lazy<Task<object>> Value)> _entries = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            key,
            _ => (now, new Lazy<Task<object>>(async () => await load())),
            (_, old) => now - old.At < options.Value.CacheDuration && !old.Value.Value.IsFaulted ? old : (now, new Lazy<Task<object>>(async () => await load())));
        try
        {
            return (T)await entry.Value.Value;
        }
        catch
        {
            // A failed read is not kept: the next request tries the store again.
            _entries.TryRemove(new KeyValuePair<string, (DateTimeOffset, Lazy<Task<object>>)>(key, entry));
            throw;
        }
        finally
        {
            if (_entries.Count > 1000)
            {
                foreach (var old in _entries.Where(e => now - e.Value.At >= options.Value.CacheDuration).Select(e => e.Key).ToArray())
                {
                    _entries.TryRemove(old, out _);
                }
            }
        }
    }

    public void Clear() => _entries.Clear();
}

using Microsoft.Extensions.Caching.Memory;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// Rendered chart images (<c>/api/charts</c>), bounded by their bytes (64 MB). Its own cache rather than
/// the app's <see cref="IMemoryCache"/>: a size limit there would oblige every other user to give sizes.
/// Keys include the KPI snapshot's time, so a new import never serves an old picture.
/// </summary>
public sealed class ChartImageCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public bool TryGet(string key, out (byte[] Bytes, string ETag) image)
    {
        if (_cache.TryGetValue(key, out (byte[], string) found))
        {
            image = found;
            return true;
        }

        image = default;
        return false;
    }

    public void Set(string key, byte[] bytes, string etag) =>
        _cache.Set(key, (bytes, etag), new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });

    public void Dispose() => _cache.Dispose();
}

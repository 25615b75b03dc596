using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Caching.Memory;

namespace LectureHub.Infrastructure.Caching;

internal sealed class LocalCache(IMemoryCache memory) : ILocalCache
{
    public async Task<T> GetOrCreateAsync<T>(object key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        if (memory.TryGetValue(key, out T? cached))
        {
            return cached!;
        }

        var value = await factory(cancellationToken);
        if (keep(value))
        {
            memory.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl, Size = 1 });
        }

        return value;
    }
}

using System.Collections.Concurrent;

namespace LectureHub.Infrastructure.Caching;

/// <summary>The fills under way in this process (one per host: a singleton, where the cache itself is scoped).</summary>
internal sealed class CacheFills
{
    public ConcurrentDictionary<string, Lazy<Task<object?>>> InFlight { get; } = new(StringComparer.Ordinal);
}

using System.Collections.Concurrent;
using System.Text.Json;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

/// <summary>The fills under way in this process (one per host: a singleton, where the cache itself is scoped).</summary>
internal sealed class CacheFills
{
    public ConcurrentDictionary<string, Lazy<Task<object?>>> InFlight { get; } = new(StringComparer.Ordinal);
}

namespace LectureHub.Application.Abstractions;

/// <summary>
/// Read-model cache: a short in-process copy over Redis shared by all instances. Concurrent misses on one key run the
/// factory once per instance. Past its TTL an entry is served for up to one more TTL while it refreshes in the
/// background; <see cref="RemoveAsync"/> ends it at once. Callers who just wrote bypass it (read-your-writes).
/// Factories of purged entries should read the primary; factories must not depend on the calling request's lifetime.
/// </summary>
public interface ICache
{
    Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken);

    Task RemoveAsync(string key, CancellationToken cancellationToken);
}

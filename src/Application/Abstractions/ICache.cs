namespace LectureHub.Application.Abstractions;

/// <summary>Shared (Redis) cache for read models. Concurrent misses on one key run the factory once per instance.</summary>
public interface ICache
{
    Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken);

    Task RemoveAsync(string key, CancellationToken cancellationToken);
}

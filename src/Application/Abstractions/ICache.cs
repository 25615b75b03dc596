namespace LectureHub.Application.Abstractions;

/// <summary>
/// Read-model cache: a short in-process copy over Redis shared by all instances. Concurrent misses on one key run the
/// factory once per instance. Callers who just wrote bypass it (read-your-writes). Factories should read the primary.
/// </summary>
public interface ICache
{
    Task<T> GetOrCreateAsync<T>(string key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken);

    Task RemoveAsync(string key, CancellationToken cancellationToken);
}

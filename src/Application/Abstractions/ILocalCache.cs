namespace LectureHub.Application.Abstractions;

/// <summary>
/// A cache in this process only: no Redis round trip, and no purge reaches it from other instances, so an answer may
/// be up to its TTL old everywhere. For the hottest checks (may this student play this lecture?) where a few seconds
/// of staleness is harmless and a round trip per request is not. <paramref name="keep"/> decides which answers are
/// worth keeping (e.g. only "yes", so a student who has just enrolled is never told "no" from the cache).
/// </summary>
public interface ILocalCache
{
    Task<T> GetOrCreateAsync<T>(object key, TimeSpan ttl, Func<CancellationToken, Task<T>> factory, Func<T, bool> keep, CancellationToken cancellationToken);
}

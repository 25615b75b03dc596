namespace LectureHub.Infrastructure.Caching;

/// <summary>Every Redis key this service writes starts with one prefix, so environments can share a server.</summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string For(string key) => Prefix + key;
}

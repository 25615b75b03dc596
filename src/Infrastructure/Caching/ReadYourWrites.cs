using System.ComponentModel.DataAnnotations;
using LectureHub.Application.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LectureHub.Infrastructure.Caching;

public sealed class ReadYourWritesOptions
{
    public const string Section = "ReadYourWrites";

    /// <summary>How long after a write the writer reads from the primary. Must exceed the worst replica lag you accept.</summary>
    [Range(0, 3600)]
    public int WindowSeconds { get; set; } = 10;
}

/// <summary>
/// After a user's command commits, a short-lived Redis marker (visible to every API instance) sends that user's reads
/// to the primary and past caches, so they always see their own write. Everyone else keeps reading replicas.
/// Scoped: the answer is looked up at most once per request.
/// </summary>
internal sealed class ReadYourWrites(IConnectionMultiplexer redis, RedisKeys keys, ICurrentUser currentUser, IOptions<ReadYourWritesOptions> options)
    : IReadConsistency
{
    private bool? _mustReadPrimary;

    public async ValueTask<bool> MustReadOwnWritesAsync(CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return false;
        }

        return _mustReadPrimary ??= await redis.GetDatabase().KeyExistsAsync(Key(userId));
    }

    public async Task MarkAsync(Guid userId)
    {
        _mustReadPrimary = true;
        await redis.GetDatabase().StringSetAsync(Key(userId), 1, TimeSpan.FromSeconds(options.Value.WindowSeconds));
    }

    private RedisKey Key(Guid userId) => keys.For($"ryw:{userId:N}");
}

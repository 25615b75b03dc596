using Dapper;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LectureHub.Infrastructure.Idempotency;

/// <summary>
/// Keys in PostgreSQL on the primary, outside the command's transaction, so a claim is visible to every instance the
/// moment it is made. Of two requests racing with one key, exactly one claims it (INSERT … ON CONFLICT). Each
/// operation is one statement on <see cref="DataSources.PrimaryAsyncCommit"/>: one round trip, no WAL flush wait. A
/// crash may forget the last moments' keys; a retry then runs again and meets the business write's own unique
/// constraints, which are durable.
/// A finished answer never changes until the key expires, so each instance also keeps the answers it stored or read
/// for a few minutes: a client retrying in a loop (a sign-up rush) is answered from memory, without a database write.
/// </summary>
internal sealed class IdempotencyStore(DataSources sources, TimeProvider clock) : IIdempotencyStore, IDisposable
{
    /// <summary>How long an instance remembers a finished answer; far shorter than <see cref="Retention"/>.</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);

    /// <summary>At most this many answers in memory (each is a small JSON body); the oldest make way.</summary>
    public const int RememberedAnswers = 50_000;

    private readonly MemoryCache _finished = new(new MemoryCacheOptions { SizeLimit = RememberedAnswers });

    /// <summary>Longer than any request may run; an unfinished claim older than this is taken over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>How long a finished key is remembered; after that it may be used again.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// Claims the key, or returns the row that holds it. The row comes from the statement's snapshot, so a row
    /// committed while the claim waited on it is not there: then nothing comes back, and <see cref="ExistingSql"/> asks again.
    /// </summary>
    private const string ClaimSql = """
        WITH claimed AS (
            INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, locked_until)
            VALUES (@UserId, @Key, @Hash, @Now, @LockedUntil)
            ON CONFLICT (user_id, key) DO UPDATE
                SET request_hash = excluded.request_hash, created_at = excluded.created_at, locked_until = excluded.locked_until,
                    status_code = NULL, content_type = NULL, body = NULL, completed_at = NULL
                WHERE (idempotency_keys.completed_at IS NULL AND idempotency_keys.locked_until < @Now)
                   OR idempotency_keys.created_at < @Expired
            RETURNING true)
        SELECT true AS "Claimed", NULL::bytea AS "RequestHash", NULL::int AS "StatusCode", NULL::text AS "ContentType",
               NULL::bytea AS "Body", NULL::timestamptz AS "CompletedAt"
        FROM claimed
        UNION ALL
        SELECT false, request_hash, status_code, content_type, body, completed_at
        FROM idempotency_keys WHERE user_id = @UserId AND key = @Key AND NOT EXISTS (SELECT 1 FROM claimed)
        """;

    private const string ExistingSql = """
        SELECT false AS "Claimed", request_hash AS "RequestHash", status_code AS "StatusCode", content_type AS "ContentType",
               body AS "Body", completed_at AS "CompletedAt"
        FROM idempotency_keys WHERE user_id = @UserId AND key = @Key
        """;

    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        if (_finished.TryGetValue((userId, key), out Finished? known))
        {
            return Answer(known!.RequestHash, known.Response, requestHash);
        }

        await using var connection = await sources.PrimaryAsyncCommit.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var row = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(ClaimSql, new
        {
            UserId = userId, Key = key, Hash = requestHash, Now = now, LockedUntil = now + Lease, Expired = now - Retention,
        }, cancellationToken: cancellationToken))
            ?? await connection.QuerySingleAsync<ClaimRow>(new CommandDefinition(ExistingSql, new { UserId = userId, Key = key }, cancellationToken: cancellationToken));
        if (row.Claimed)
        {
            return new IdempotencyClaim.Started();
        }

        if (row.CompletedAt is null)
        {
            return row.RequestHash!.AsSpan().SequenceEqual(requestHash) ? new IdempotencyClaim.InFlight() : new IdempotencyClaim.Mismatch();
        }

        var response = new StoredResponse(row.StatusCode!.Value, row.ContentType, row.Body ?? []);
        Remember(userId, key, row.RequestHash!, response);
        return Answer(row.RequestHash!, response, requestHash);
    }

    public async Task CompleteAsync(Guid userId, string key, byte[] requestHash, StoredResponse response, CancellationToken cancellationToken)
    {
        await WriteAsync(
            "UPDATE idempotency_keys SET status_code = @StatusCode, content_type = @ContentType, body = @Body, completed_at = @Now WHERE user_id = @UserId AND key = @Key",
            new { UserId = userId, Key = key, response.StatusCode, response.ContentType, response.Body, Now = clock.GetUtcNow() },
            cancellationToken);
        Remember(userId, key, requestHash, response);
    }

    private static IdempotencyClaim Answer(byte[] storedHash, StoredResponse response, byte[] requestHash) =>
        storedHash.AsSpan().SequenceEqual(requestHash) ? new IdempotencyClaim.Completed(response) : new IdempotencyClaim.Mismatch();

    private void Remember(Guid userId, string key, byte[] requestHash, StoredResponse response) =>
        _finished.Set((userId, key), new Finished(requestHash, response), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = RememberFor });

    public void Dispose() => _finished.Dispose();

    public Task ReleaseAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        WriteAsync(
            "DELETE FROM idempotency_keys WHERE user_id = @UserId AND key = @Key AND completed_at IS NULL",
            new { UserId = userId, Key = key },
            cancellationToken);

    private async Task WriteAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await sources.PrimaryAsyncCommit.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
    }

    private sealed record Finished(byte[] RequestHash, StoredResponse Response);

    private sealed record ClaimRow(bool Claimed, byte[]? RequestHash, int? StatusCode, string? ContentType, byte[]? Body, DateTimeOffset? CompletedAt);
}

using Dapper;
using LectureHub.Application.Abstractions;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Idempotency;

public sealed class IdempotencyRow
{
    public Guid UserId { get; init; }

    public string Key { get; init; } = "";

    public byte[] RequestHash { get; init; } = [];

    public int? StatusCode { get; init; }

    public string? ContentType { get; init; }

    public byte[]? Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>An unfinished claim older than this was abandoned (its instance died) and may be taken over.</summary>
    public DateTimeOffset LockedUntil { get; init; }
}

internal sealed class IdempotencyRowConfiguration : IEntityTypeConfiguration<IdempotencyRow>
{
    public void Configure(EntityTypeBuilder<IdempotencyRow> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>
/// Keys in PostgreSQL on the primary, outside the command's transaction, so a claim is visible to every instance the
/// moment it is made. The claim is one INSERT … ON CONFLICT: of two requests racing with one key, exactly one starts.
/// Its writes commit asynchronously (no WAL flush wait): a crash may forget the last moments' keys, and then a retry
/// runs again and meets the business write's own unique constraints, which are durable.
/// </summary>
internal sealed class IdempotencyStore(DataSources sources, TimeProvider clock) : IIdempotencyStore
{
    /// <summary>Longer than any request may run; an unfinished claim older than this is taken over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>How long a finished key is remembered; after that it may be used again.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private const string ClaimSql = """
        INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, locked_until)
        VALUES (@UserId, @Key, @Hash, @Now, @LockedUntil)
        ON CONFLICT (user_id, key) DO UPDATE
            SET request_hash = excluded.request_hash, created_at = excluded.created_at, locked_until = excluded.locked_until,
                status_code = NULL, content_type = NULL, body = NULL, completed_at = NULL
            WHERE (idempotency_keys.completed_at IS NULL AND idempotency_keys.locked_until < @Now)
               OR idempotency_keys.created_at < @Expired
        RETURNING true
        """;

    private const string ExistingSql = """
        SELECT request_hash AS "RequestHash", status_code AS "StatusCode", content_type AS "ContentType", body AS "Body", completed_at AS "CompletedAt"
        FROM idempotency_keys WHERE user_id = @UserId AND key = @Key
        """;

    public Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, byte[] requestHash, CancellationToken cancellationToken) =>
        WriteAsync<IdempotencyClaim>(async (connection, tx) =>
        {
            var now = clock.GetUtcNow();
            var claimed = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(ClaimSql, new
            {
                UserId = userId, Key = key, Hash = requestHash, Now = now, LockedUntil = now + Lease, Expired = now - Retention,
            }, tx, cancellationToken: cancellationToken));
            if (claimed == true)
            {
                return new IdempotencyClaim.Started();
            }

            // A new statement sees the row that made the claim fail, even one committed while the claim waited.
            var existing = await connection.QuerySingleAsync<Existing>(new CommandDefinition(ExistingSql, new { UserId = userId, Key = key }, tx, cancellationToken: cancellationToken));
            return !existing.RequestHash.AsSpan().SequenceEqual(requestHash) ? new IdempotencyClaim.Mismatch()
                : existing.CompletedAt is null ? new IdempotencyClaim.InFlight()
                : new IdempotencyClaim.Completed(new StoredResponse(existing.StatusCode!.Value, existing.ContentType, existing.Body ?? []));
        }, cancellationToken);

    public Task CompleteAsync(Guid userId, string key, StoredResponse response, CancellationToken cancellationToken) =>
        WriteAsync((connection, tx) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE idempotency_keys SET status_code = @StatusCode, content_type = @ContentType, body = @Body, completed_at = @Now WHERE user_id = @UserId AND key = @Key",
            new { UserId = userId, Key = key, response.StatusCode, response.ContentType, response.Body, Now = clock.GetUtcNow() },
            tx, cancellationToken: cancellationToken)), cancellationToken);

    public Task ReleaseAsync(Guid userId, string key, CancellationToken cancellationToken) =>
        WriteAsync((connection, tx) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE user_id = @UserId AND key = @Key AND completed_at IS NULL",
            new { UserId = userId, Key = key }, tx, cancellationToken: cancellationToken)), cancellationToken);

    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await sources.Primary.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SET LOCAL synchronous_commit = off", transaction: tx, cancellationToken: cancellationToken));
        var result = await write(connection, tx);
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    private sealed record Existing(byte[] RequestHash, int? StatusCode, string? ContentType, byte[]? Body, DateTimeOffset? CompletedAt);
}

using LectureHub.Application.Community;
using LectureHub.Domain.Community;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace LectureHub.Infrastructure.Community;

/// <summary>
/// Reactions and the counters beside them, each change one statement (the row and its counter together) in the
/// command's transaction. Setting a reaction is an insert, else a switch, else a no-op: each step is its own statement,
/// so it sees what a racing transaction committed meanwhile (a statement's CTEs share one snapshot and could not).
/// </summary>
internal sealed class CommunityStats(AppDbContext db) : ICommunityStats
{
    public const string PostReactions = "post_reactions";
    public const string CommentReactions = "comment_reactions";

    /// <summary>A racing take-back can remove the row between the steps; a few rounds always settle it.</summary>
    private const int MaxRounds = 5;

    public void Start(Post post) => db.Set<PostStatsRow>().Add(new PostStatsRow { PostId = post.Id, BoardId = post.BoardId });

    public Task CountCommentAsync(Guid postId, int delta, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE post_stats SET comment_count = comment_count + {delta} WHERE post_id = {postId}", cancellationToken);

    public async Task<ReactionCounts> ReactAsync(ReactionTarget target, Guid targetId, Guid userId, ReactionKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (table, column, counters, key) = Tables(target);
        for (var round = 0; round < MaxRounds; round++)
        {
            var inserted = await CountsAsync($"""
                WITH inserted AS (
                    INSERT INTO {table} ({column}, user_id, kind, reacted_at) VALUES (@target, @user, @kind, @now)
                    ON CONFLICT DO NOTHING RETURNING kind)
                UPDATE {counters} SET like_count = like_count + CASE WHEN @kind = 'Like' THEN 1 ELSE 0 END,
                                      dislike_count = dislike_count + CASE WHEN @kind = 'Like' THEN 0 ELSE 1 END
                WHERE {key} = @target AND EXISTS (SELECT 1 FROM inserted)
                RETURNING like_count, dislike_count
                """, targetId, userId, kind, now, cancellationToken);
            if (inserted is not null)
            {
                return inserted;
            }

            var switched = await CountsAsync($"""
                WITH switched AS (
                    UPDATE {table} SET kind = @kind, reacted_at = @now
                    WHERE {column} = @target AND user_id = @user AND kind <> @kind RETURNING kind)
                UPDATE {counters} SET like_count = like_count + CASE WHEN @kind = 'Like' THEN 1 ELSE -1 END,
                                      dislike_count = dislike_count + CASE WHEN @kind = 'Like' THEN -1 ELSE 1 END
                WHERE {key} = @target AND EXISTS (SELECT 1 FROM switched)
                RETURNING like_count, dislike_count
                """, targetId, userId, kind, now, cancellationToken);
            if (switched is not null)
            {
                return switched;
            }

            var unchanged = await CountsAsync($"""
                SELECT like_count, dislike_count FROM {counters}
                WHERE {key} = @target AND EXISTS (SELECT 1 FROM {table} WHERE {column} = @target AND user_id = @user AND kind = @kind)
                """, targetId, userId, kind, now, cancellationToken);
            if (unchanged is not null)
            {
                return unchanged;
            }
        }

        throw new InvalidOperationException($"The reaction on {target} {targetId} did not settle in {MaxRounds} rounds.");
    }

    public async Task<ReactionCounts> UnreactAsync(ReactionTarget target, Guid targetId, Guid userId, CancellationToken cancellationToken)
    {
        var (table, column, counters, key) = Tables(target);
        return await CountsAsync($"""
                   WITH deleted AS (DELETE FROM {table} WHERE {column} = @target AND user_id = @user RETURNING kind)
                   UPDATE {counters} SET like_count = like_count - (SELECT count(*) FROM deleted WHERE kind = 'Like'),
                                         dislike_count = dislike_count - (SELECT count(*) FROM deleted WHERE kind = 'Dislike')
                   WHERE {key} = @target AND EXISTS (SELECT 1 FROM deleted)
                   RETURNING like_count, dislike_count
                   """, targetId, userId, null, default, cancellationToken)
               ?? await CountsAsync($"SELECT like_count, dislike_count FROM {counters} WHERE {key} = @target", targetId, userId, null, default, cancellationToken)
               ?? new ReactionCounts(0, 0);
    }

    public async Task<bool> AddViewsOnceAsync(Guid batchId, IReadOnlyList<PostViews> views, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A batch id is claimed once in Redis but may be flushed twice (a flusher died between commit and acknowledge).
        var applied = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO post_view_flushes (batch_id, flushed_at) VALUES ({batchId}, {now}) ON CONFLICT DO NOTHING", cancellationToken) == 1;
        if (!applied)
        {
            return false;
        }

        // Rows in post order, so two flushers updating overlapping posts lock them in the same order.
        var ordered = views.OrderBy(v => v.PostId).ToList();
        var (connection, transaction) = Connection();
        await using var update = new NpgsqlCommand("""
            UPDATE post_stats s SET view_count = s.view_count + v.n
            FROM unnest(@posts, @views) AS v(post_id, n)
            WHERE s.post_id = v.post_id
            """, connection, transaction);
        update.Parameters.Add(new NpgsqlParameter("posts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ordered.Select(v => v.PostId).ToArray() });
        update.Parameters.Add(new NpgsqlParameter("views", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = ordered.Select(v => v.Views).ToArray() });
        await update.ExecuteNonQueryAsync(cancellationToken);

        // Far longer than any lease: a batch cannot come back after this.
        await db.Database.ExecuteSqlAsync($"DELETE FROM post_view_flushes WHERE flushed_at < {now - TimeSpan.FromDays(7)}", cancellationToken);
        return true;
    }

    private static (string Table, string Column, string Counters, string Key) Tables(ReactionTarget target) => target == ReactionTarget.Post
        ? (PostReactions, "post_id", "post_stats", "post_id")
        : (CommentReactions, "comment_id", "comments", "id");

    private async Task<ReactionCounts?> CountsAsync(string sql, Guid targetId, Guid userId, ReactionKind? kind, DateTimeOffset now, CancellationToken ct)
    {
        var (connection, transaction) = Connection();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("target", targetId));
        command.Parameters.Add(new NpgsqlParameter<Guid>("user", userId));
        command.Parameters.Add(new NpgsqlParameter<string>("kind", kind?.ToString() ?? ""));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ReactionCounts(reader.GetInt32(0), reader.GetInt32(1)) : null;
    }

    private (NpgsqlConnection Connection, NpgsqlTransaction Transaction) Connection() =>
        ((NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
                                ?? throw new InvalidOperationException("Community counters change inside the unit of work's transaction.")));
}

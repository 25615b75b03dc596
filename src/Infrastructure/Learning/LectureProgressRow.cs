using NpgsqlTypes;

namespace LectureHub.Infrastructure.Learning;

/// <summary>
/// What one student watched of one lecture (see <see cref="WatchProgressStore"/>), written only by the heartbeat
/// flush. Watched is the union of played intervals in milliseconds; CoveredMs its total length, kept beside it so
/// reads never unnest. CompletedAt is set once, when coverage first reached the completion ratio.
/// </summary>
public sealed class LectureProgressRow
{
    public Guid StudentId { get; init; }

    public Guid LectureId { get; init; }

    public NpgsqlRange<int>[] Watched { get; init; } = [];

    public int CoveredMs { get; init; }

    public int PositionMs { get; init; }

    public DateTimeOffset PositionAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

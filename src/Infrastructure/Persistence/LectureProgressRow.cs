using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace LectureHub.Infrastructure.Persistence;

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

internal sealed class LectureProgressRowConfiguration : IEntityTypeConfiguration<LectureProgressRow>
{
    public void Configure(EntityTypeBuilder<LectureProgressRow> builder)
    {
        builder.ToTable("lecture_progress");
        builder.HasKey(p => new { p.StudentId, p.LectureId });
        builder.Property(p => p.Watched).HasColumnType("int4multirange");
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lecture>().WithMany().HasForeignKey(p => p.LectureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.LectureId);
    }
}

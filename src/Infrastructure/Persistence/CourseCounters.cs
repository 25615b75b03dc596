using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Persistence;

/// <summary>One like: the row is the truth, the counter in <see cref="CourseStatsRow"/> follows it.</summary>
public sealed class CourseLikeRow
{
    public Guid UserId { get; init; }

    public Guid CourseId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// Counters shown on course pages, kept apart from the course row so that likes and enrolments never collide with an
/// instructor's edit (the course row carries the optimistic concurrency token).
/// </summary>
public sealed class CourseStatsRow
{
    public Guid CourseId { get; init; }

    public int LikeCount { get; init; }

    public int EnrollmentCount { get; init; }

    public int RatingCount { get; init; }

    public int RatingSum { get; init; }
}

internal sealed class CourseLikeConfiguration : IEntityTypeConfiguration<CourseLikeRow>
{
    public void Configure(EntityTypeBuilder<CourseLikeRow> builder)
    {
        builder.ToTable("course_likes");
        builder.HasKey(l => new { l.UserId, l.CourseId });
        builder.HasIndex(l => new { l.CourseId, l.CreatedAt });
        builder.HasIndex(l => new { l.UserId, l.CreatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(l => l.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseStatsConfiguration : IEntityTypeConfiguration<CourseStatsRow>
{
    public void Configure(EntityTypeBuilder<CourseStatsRow> builder)
    {
        builder.ToTable("course_stats", t => t.HasCheckConstraint("ck_course_stats_like_count", "like_count >= 0"));
        builder.HasKey(s => s.CourseId);
        // The popular sort walks this index (see SearchCourses); every course has a stats row from its creation.
        builder.Property<int>("Popularity").HasComputedColumnSql("like_count + enrollment_count", stored: true);
        builder.HasIndex("Popularity", nameof(CourseStatsRow.CourseId)).IsDescending(true, true).HasDatabaseName("ix_course_stats_popularity");
        // The rating sort's key: the average, or -1 for unrated courses so they sort last.
        builder.Property<double>("RatingRank").HasComputedColumnSql("coalesce(rating_sum::float8 / nullif(rating_count, 0), -1)", stored: true);
        builder.HasIndex("RatingRank", nameof(CourseStatsRow.CourseId)).IsDescending(true, true).HasDatabaseName("ix_course_stats_rating_rank");
        builder.HasOne<Course>().WithOne().HasForeignKey<CourseStatsRow>(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Likes and their counter in single statements, inside the command's transaction.</summary>
internal sealed class CourseStats(AppDbContext db) : Application.Courses.ICourseStats
{
    public void Start(Guid courseId) => db.CourseStats.Add(new CourseStatsRow { CourseId = courseId });

    public Task<int> LikeAsync(Guid userId, Guid courseId, DateTimeOffset now, CancellationToken cancellationToken) =>
        SingleAsync(db.Database.SqlQuery<int>($"""
            WITH inserted AS (
                INSERT INTO course_likes (user_id, course_id, created_at) VALUES ({userId}, {courseId}, {now})
                ON CONFLICT DO NOTHING
                RETURNING course_id),
            counted AS (
                INSERT INTO course_stats (course_id, like_count, enrollment_count, rating_count, rating_sum)
                SELECT course_id, 1, 0, 0, 0 FROM inserted
                ON CONFLICT (course_id) DO UPDATE SET like_count = course_stats.like_count + 1
                RETURNING like_count)
            SELECT like_count AS "Value" FROM counted
            UNION ALL
            SELECT coalesce((SELECT like_count FROM course_stats WHERE course_id = {courseId}), 0) WHERE NOT EXISTS (SELECT 1 FROM inserted)
            """), cancellationToken);

    public Task<int> UnlikeAsync(Guid userId, Guid courseId, CancellationToken cancellationToken) =>
        SingleAsync(db.Database.SqlQuery<int>($"""
            WITH deleted AS (
                DELETE FROM course_likes WHERE user_id = {userId} AND course_id = {courseId}
                RETURNING course_id),
            counted AS (
                UPDATE course_stats SET like_count = like_count - 1
                WHERE course_id IN (SELECT course_id FROM deleted)
                RETURNING like_count)
            SELECT like_count AS "Value" FROM counted
            UNION ALL
            SELECT coalesce((SELECT like_count FROM course_stats WHERE course_id = {courseId}), 0) WHERE NOT EXISTS (SELECT 1 FROM deleted)
            """), cancellationToken);

    public Task CountEnrollmentAsync(Guid courseId, int delta, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE course_stats SET enrollment_count = enrollment_count + {delta} WHERE course_id = {courseId}", cancellationToken);

    /// <summary>Not LINQ's SingleAsync: composing would wrap the data-modifying CTE in a subquery, which PostgreSQL refuses.</summary>
    private static async Task<int> SingleAsync(IQueryable<int> query, CancellationToken ct) => (await query.ToListAsync(ct)).Single();
}

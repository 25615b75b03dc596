using LectureHub.Domain.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Courses;

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

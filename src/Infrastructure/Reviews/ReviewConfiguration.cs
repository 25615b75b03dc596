using LectureHub.Domain.Courses;
using LectureHub.Domain.Reviews;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Reviews;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("course_reviews", t =>
        {
            t.HasCheckConstraint("ck_course_reviews_rating", $"rating BETWEEN {Review.MinRating} AND {Review.MaxRating}");
            t.HasCheckConstraint("ck_course_reviews_helpful_count", "helpful_count >= 0");
        });
        builder.ConfigureEntity();
        builder.Property(r => r.Body).HasMaxLength(Review.MaxBodyLength);
        builder.Property(r => r.Reply).HasMaxLength(Review.MaxReplyLength);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        // Written only by ReviewVotes' statements; EF inserts it as zero and never updates it.
        builder.Property<int>("HelpfulCount");
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CourseId, r.StudentId }).IsUnique();
        // The review list's orders within a course (ListCourseReviewsHandler).
        builder.HasIndex(r => new { r.CourseId, r.CreatedAt, r.Id }).IsDescending(false, true, true);
        builder.HasIndex("CourseId", "HelpfulCount", "Id").IsDescending(false, true, true);
        builder.HasIndex(r => new { r.CourseId, r.Rating, r.Id });
    }
}

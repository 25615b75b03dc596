using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Courses;

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

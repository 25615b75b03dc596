using LectureHub.Domain.Courses;
using LectureHub.Domain.Learning;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Learning;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ConfigureEntity();
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.Property(c => c.StudentName).HasMaxLength(User.MaxDisplayNameLength);
        builder.Property(c => c.CourseTitle).HasMaxLength(Course.MaxTitleLength);
        builder.Property(c => c.InstructorName).HasMaxLength(User.MaxDisplayNameLength);
        builder.HasIndex(c => c.Code).IsUnique();
        // One certificate per student and course: two flushes finishing the same course cannot both issue one.
        builder.HasIndex(c => new { c.StudentId, c.CourseId }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

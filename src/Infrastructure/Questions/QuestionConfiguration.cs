using LectureHub.Domain.Courses;
using LectureHub.Domain.Questions;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Questions;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ConfigureEntity();
        builder.Property(q => q.Title).HasMaxLength(Question.MaxTitleLength);
        builder.Property(q => q.BodyMarkdown).HasMaxLength(Question.MaxBodyLength);
        builder.HasOne<Course>().WithMany().HasForeignKey(q => q.CourseId).OnDelete(DeleteBehavior.Cascade);
        // A lecture removed from the curriculum leaves its questions on the course.
        builder.HasOne<Lecture>().WithMany().HasForeignKey(q => q.LectureId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to answers: answers already reference questions, and a cycle of keys makes every table reset
        // (Respawn) and bulk load need superuser rights. Question.Accept checks the answer is its own; answers are
        // never deleted but with their question.
        // The course's list (also per lecture) newest first; the instructor's queue joins courses by instructor.
        builder.HasIndex(q => new { q.CourseId, q.CreatedAt, q.Id }).IsDescending(false, true, true);
        builder.HasIndex(q => new { q.LectureId, q.CreatedAt });
        builder.HasIndex(q => q.AuthorId);
    }
}

using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Learning;

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

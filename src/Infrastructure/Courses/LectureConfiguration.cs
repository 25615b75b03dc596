using LectureHub.Domain.Courses;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Courses;

internal sealed class LectureConfiguration : IEntityTypeConfiguration<Lecture>
{
    public void Configure(EntityTypeBuilder<Lecture> builder)
    {
        builder.ToTable("lectures");
        builder.ConfigureEntity();
        builder.Property(l => l.Title).HasMaxLength(Lecture.MaxTitleLength);
        builder.HasIndex(l => new { l.SectionId, l.Position });
    }
}

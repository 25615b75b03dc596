using LectureHub.Domain.Courses;
using LectureHub.Domain.Media;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Media;

internal sealed class LectureSubtitleConfiguration : IEntityTypeConfiguration<LectureSubtitle>
{
    public void Configure(EntityTypeBuilder<LectureSubtitle> builder)
    {
        builder.ConfigureEntity();
        builder.Property(s => s.Language).HasMaxLength(10);
        builder.Property(s => s.Label).HasMaxLength(LectureSubtitle.MaxLabelLength);
        builder.HasOne<Lecture>().WithMany().HasForeignKey(s => s.LectureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.LectureId, s.Language }).IsUnique();
    }
}

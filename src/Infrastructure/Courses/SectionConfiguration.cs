using LectureHub.Domain.Courses;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Courses;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("sections");
        builder.ConfigureEntity();
        builder.Property(s => s.Title).HasMaxLength(Section.MaxTitleLength);
        builder.HasMany(s => s.Lectures).WithOne().HasForeignKey(l => l.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lectures).HasField("_lectures").UsePropertyAccessMode(PropertyAccessMode.Field);
        // Not unique: a reorder rewrites positions row by row, and the aggregate already keeps them dense.
        builder.HasIndex(s => new { s.CourseId, s.Position });
    }
}

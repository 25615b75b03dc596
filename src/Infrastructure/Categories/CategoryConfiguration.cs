using LectureHub.Domain.Categories;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Categories;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ConfigureEntity();
        builder.HasXminConcurrencyToken();
        builder.Property(c => c.Slug).HasMaxLength(Category.MaxSlugLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.LabelKo).HasMaxLength(Category.MaxLabelLength);
        builder.Property(c => c.LabelEn).HasMaxLength(Category.MaxLabelLength);
        builder.Property(c => c.Icon).HasMaxLength(Category.MaxIconLength);
    }
}

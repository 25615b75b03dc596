using LectureHub.Domain.Categories;
using LectureHub.Domain.Community;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Community;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.ConfigureEntity();
        builder.Property(b => b.Slug).HasMaxLength(Category.MaxSlugLength);
        builder.Property(b => b.NameKo).HasMaxLength(Board.MaxNameLength);
        builder.Property(b => b.NameEn).HasMaxLength(Board.MaxNameLength);
        builder.Property(b => b.Description).HasMaxLength(Board.MaxDescriptionLength);
        builder.HasIndex(b => b.Slug).IsUnique();
        // One board per trade; a deleted category leaves its board standing on its own.
        builder.HasIndex(b => b.CategoryId).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(b => b.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

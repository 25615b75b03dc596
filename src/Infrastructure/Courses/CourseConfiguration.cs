using LectureHub.Domain.Categories;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace LectureHub.Infrastructure.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ConfigureEntity();
        // Two editors saving the same course: the second gets a 409 instead of silently overwriting.
        builder.HasXminConcurrencyToken();
        builder.Property(c => c.Title).HasMaxLength(Course.MaxTitleLength);
        builder.Property(c => c.Summary).HasMaxLength(Course.MaxSummaryLength);
        builder.Property(c => c.Description).HasMaxLength(Course.MaxDescriptionLength);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Property(c => c.ThumbnailKey).HasMaxLength(64);
        builder.Ignore(c => c.Lectures);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.InstructorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Sections).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.InstructorId, c.CreatedAt, c.Id }); // the instructor's own courses, newest first
        builder.ToTable(t => t.HasCheckConstraint("ck_courses_price_krw", "price_krw >= 0"));

        // Search: Korean words are short (용접, 배관), too short for trigrams, so text is indexed as character bigrams
        // (see SearchSql). The title weighs more than the summary and tags.
        builder.Property<NpgsqlTsVector>(SearchSql.CourseVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('simple', lh_bigrams(title)), 'A') || " +
                "setweight(to_tsvector('simple', lh_bigrams(summary || ' ' || lh_tags_text(tags))), 'B')",
                stored: true);
        // No GIN pending list (fastupdate): unindexed entries are scanned linearly by every search until a vacuum
        // merges them, which after a bulk load cost 12 ms a query. Courses change rarely; reads must be predictable.
        builder.HasIndex(SearchSql.CourseVector).HasMethod("gin").HasStorageParameter("fastupdate", false);
        // Keyset pagination per sort, always within published courses.
        builder.HasIndex(c => new { c.Status, c.PublishedAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.PriceKrw, c.Id });
        builder.HasIndex(c => new { c.CategoryId, c.Status, c.PublishedAt, c.Id });
        builder.HasIndex(c => new { c.CategoryId, c.Status, c.PriceKrw, c.Id });
    }
}

using LectureHub.Domain.Community;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Courses;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace LectureHub.Infrastructure.Community;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    /// <summary>What every list shows: the partial indexes below cover only these rows.</summary>
    public const string Listed = "deleted_at IS NULL AND NOT is_hidden";

    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ConfigureEntity();
        builder.Property(p => p.Title).HasMaxLength(Post.MaxTitleLength);
        builder.Property(p => p.BodyMarkdown).HasMaxLength(Post.MaxBodyLength);
        builder.Ignore(p => p.IsVisible);
        builder.HasOne<Board>().WithMany().HasForeignKey(p => p.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AuthorId, p.CreatedAt });

        // The newest sort, per board and across boards; pinned posts per board.
        builder.HasIndex(p => new { p.BoardId, p.CreatedAt, p.Id }).IsDescending(false, true, true).HasFilter(Listed).HasDatabaseName("ix_posts_board_newest");
        builder.HasIndex(p => new { p.CreatedAt, p.Id }).IsDescending(true, true).HasFilter(Listed).HasDatabaseName("ix_posts_newest");
        builder.HasIndex(p => new { p.BoardId, p.PinnedAt }).HasFilter("pinned_at IS NOT NULL").HasDatabaseName("ix_posts_pinned");

        // Korean partial words, as in course search (the same lh_bigrams functions, see SearchSql): title above body.
        builder.Property<NpgsqlTsVector>(SearchSql.PostVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('simple', lh_bigrams(title)), 'A') || setweight(to_tsvector('simple', lh_bigrams(body_markdown)), 'B')",
                stored: true);
        builder.HasIndex(SearchSql.PostVector).HasMethod("gin").HasStorageParameter("fastupdate", false);
    }
}

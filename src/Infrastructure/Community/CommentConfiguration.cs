using LectureHub.Domain.Community;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Community;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ConfigureEntity();
        builder.Property(c => c.BodyMarkdown).HasMaxLength(Comment.MaxBodyLength);
        builder.Ignore(c => c.IsVisible);
        // Counters written only by CommunityStats' statements; EF inserts them as zero and never updates them.
        builder.Property<int>("LikeCount");
        builder.Property<int>("DislikeCount");
        builder.ToTable(t => t.HasCheckConstraint("ck_comments_counts", "like_count >= 0 AND dislike_count >= 0"));
        builder.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // A post's thread order (ListCommentsHandler) and the hot score's last 7 days of comments.
        builder.HasIndex(c => new { c.PostId, c.ThreadId, c.Id });
        builder.HasIndex(c => c.CreatedAt);
        builder.HasIndex(c => new { c.AuthorId, c.CreatedAt });
    }
}

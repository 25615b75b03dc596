using LectureHub.Domain.Common;
using LectureHub.Domain.Community;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Community;

/// <summary>post_reactions and comment_reactions: keyed by (target, user), so one reaction per user per target.</summary>
internal abstract class ReactionConfiguration<TRow, TTarget>(string table, string targetColumn) : IEntityTypeConfiguration<TRow>
    where TRow : ReactionRow
    where TTarget : Entity
{
    public void Configure(EntityTypeBuilder<TRow> builder)
    {
        builder.ToTable(table);
        builder.HasKey(r => new { r.TargetId, r.UserId });
        builder.Property(r => r.TargetId).HasColumnName(targetColumn);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(r => r.ReactedAt);
        builder.HasOne<TTarget>().WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostReactionConfiguration() : ReactionConfiguration<PostReactionRow, Post>(CommunityStats.PostReactions, "post_id");

internal sealed class CommentReactionConfiguration() : ReactionConfiguration<CommentReactionRow, Comment>(CommunityStats.CommentReactions, "comment_id");

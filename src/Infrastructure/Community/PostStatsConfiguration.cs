using LectureHub.Domain.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Community;

internal sealed class PostStatsConfiguration : IEntityTypeConfiguration<PostStatsRow>
{
    public void Configure(EntityTypeBuilder<PostStatsRow> builder)
    {
        builder.ToTable("post_stats", t =>
        {
            t.HasCheckConstraint("ck_post_stats_counts", "view_count >= 0 AND comment_count >= 0 AND like_count >= 0 AND dislike_count >= 0");
        });
        builder.HasKey(s => s.PostId);
        builder.HasOne<Post>().WithOne().HasForeignKey<PostStatsRow>(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
        // Each counter sort, per board and across boards (ListPostsHandler's orderings).
        foreach (var counter in new[] { nameof(PostStatsRow.ViewCount), nameof(PostStatsRow.CommentCount), nameof(PostStatsRow.HotScore) })
        {
            builder.HasIndex(nameof(PostStatsRow.BoardId), counter, nameof(PostStatsRow.PostId)).IsDescending(false, true, true);
            builder.HasIndex(counter, nameof(PostStatsRow.PostId)).IsDescending(true, true);
        }

        // The hot refresher revisits what scored before, to bring it back to zero.
        builder.HasIndex(s => s.PostId).HasFilter("hot_score > 0").HasDatabaseName("ix_post_stats_scored");
    }
}

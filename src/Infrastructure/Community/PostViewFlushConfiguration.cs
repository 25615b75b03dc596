using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Community;

internal sealed class PostViewFlushConfiguration : IEntityTypeConfiguration<PostViewFlushRow>
{
    public void Configure(EntityTypeBuilder<PostViewFlushRow> builder)
    {
        builder.ToTable("post_view_flushes");
        builder.HasKey(f => f.BatchId);
        builder.HasIndex(f => f.FlushedAt);
    }
}

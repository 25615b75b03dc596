using LectureHub.Domain.Reviews;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Reviews;

internal sealed class HelpfulVoteConfiguration : IEntityTypeConfiguration<HelpfulVoteRow>
{
    public void Configure(EntityTypeBuilder<HelpfulVoteRow> builder)
    {
        builder.ToTable("review_helpful_votes");
        builder.HasKey(v => new { v.ReviewId, v.UserId });
        builder.HasOne<Review>().WithMany().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

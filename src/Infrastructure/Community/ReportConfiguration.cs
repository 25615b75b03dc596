using LectureHub.Domain.Community;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Community;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ConfigureEntity();
        builder.Property(r => r.TargetKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Detail).HasMaxLength(Report.MaxDetailLength);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        // Reporting twice is one report; the queue walks a status oldest first.
        builder.HasIndex(r => new { r.TargetKind, r.TargetId, r.ReporterId }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.CreatedAt, r.Id });
    }
}

using LectureHub.Domain.Media;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Media;

internal sealed class TranscodeJobConfiguration : IEntityTypeConfiguration<TranscodeJob>
{
    public void Configure(EntityTypeBuilder<TranscodeJob> builder)
    {
        builder.ConfigureEntity();
        builder.HasXminConcurrencyToken();
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.HasOne<LectureVideo>().WithMany().HasForeignKey(j => j.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.VideoId, j.Height }).IsUnique();
        // The worker's claim: queued jobs, and running ones whose lease ran out, oldest first.
        builder.HasIndex(j => j.CreatedAt).HasFilter("status IN ('Queued', 'Running')").HasDatabaseName("ix_transcode_jobs_due");
    }
}

using LectureHub.Domain.Courses;
using LectureHub.Domain.Media;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Media;

internal sealed class LectureVideoConfiguration : IEntityTypeConfiguration<LectureVideo>
{
    public void Configure(EntityTypeBuilder<LectureVideo> builder)
    {
        builder.ConfigureEntity();
        // Two chunk requests, or a chunk and the transcoder, must not overwrite each other's progress.
        builder.HasXminConcurrencyToken();
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.FileName).HasMaxLength(LectureVideo.MaxFileNameLength);
        builder.Property(v => v.SourceKey).HasMaxLength(200);
        builder.Property(v => v.ErrorCode).HasMaxLength(60);
        builder.Property(v => v.Error).HasMaxLength(2000);
        builder.Property(v => v.MasterPlaylistPath).HasMaxLength(200);
        builder.HasOne<Lecture>().WithMany().HasForeignKey(v => v.LectureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(v => v.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.LectureId, v.CreatedAt });
    }
}

using LectureHub.Domain.Courses;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Courses;

internal sealed class LectureMaterialConfiguration : IEntityTypeConfiguration<LectureMaterial>
{
    public void Configure(EntityTypeBuilder<LectureMaterial> builder)
    {
        builder.ToTable("lecture_materials");
        builder.ConfigureEntity();
        builder.Property(m => m.FileName).HasMaxLength(LectureMaterial.MaxFileNameLength);
        builder.Property(m => m.ContentType).HasMaxLength(50);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.Path).HasMaxLength(200);
        builder.HasIndex(m => new { m.LectureId, m.CreatedAt });
        builder.HasOne<Lecture>().WithMany().HasForeignKey(m => m.LectureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UploadedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

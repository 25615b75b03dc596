using LectureHub.Domain.Settlement;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Settlement;

internal sealed class InstructorStatementConfiguration : IEntityTypeConfiguration<InstructorStatement>
{
    public void Configure(EntityTypeBuilder<InstructorStatement> builder)
    {
        builder.ConfigureEntity();
        builder.HasXminConcurrencyToken();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.PayoutReference).HasMaxLength(200);
        builder.HasIndex(s => new { s.InstructorId, s.Month }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.Month });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.InstructorId).OnDelete(DeleteBehavior.Restrict);
    }
}

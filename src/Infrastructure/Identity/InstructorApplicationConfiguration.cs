using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Identity;

internal sealed class InstructorApplicationConfiguration : IEntityTypeConfiguration<InstructorApplication>
{
    public void Configure(EntityTypeBuilder<InstructorApplication> builder)
    {
        builder.ConfigureEntity();
        // An Admin deciding while another decides too: only one decision commits.
        builder.HasXminConcurrencyToken();
        builder.Property(a => a.Motivation).HasMaxLength(InstructorApplication.MaxMotivationLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RejectionReason).HasMaxLength(InstructorApplication.MaxReasonLength);
        builder.HasIndex(a => a.UserId).IsUnique().HasFilter("status = 'Pending'");
        builder.HasIndex(a => new { a.Status, a.CreatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

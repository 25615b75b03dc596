using LectureHub.Domain.Cohorts;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Cohorts;

internal sealed class CohortApplicationConfiguration : IEntityTypeConfiguration<CohortApplication>
{
    public void Configure(EntityTypeBuilder<CohortApplication> builder)
    {
        builder.ConfigureEntity();
        // A promotion and the promoted student's own cancellation meeting: one of them gets a 409.
        builder.HasXminConcurrencyToken();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Form).StoredAsJson();
        builder.Property(a => a.Answers).StoredAsJson();
        builder.Property(a => a.AcceptedTerms).StoredAsJson();
        builder.Property(a => a.RejectionReason).HasMaxLength(CohortApplication.MaxReasonLength);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Restrict);
        // One application per student and cohort: the last word when two applications race.
        builder.HasIndex(a => new { a.CohortId, a.StudentId }).IsUnique();
        // The review list (by status, oldest first) and the waitlist head.
        builder.HasIndex(a => new { a.CohortId, a.Status, a.AppliedAt, a.Id });
        builder.HasIndex(a => new { a.CohortId, a.WaitlistNumber }).HasFilter("status = 'Waitlisted'");
        builder.HasIndex(a => new { a.StudentId, a.AppliedAt });
        builder.HasIndex(a => new { a.AppliedAt, a.Id }); // the admin list across cohorts, the dashboard's applications per day
        builder.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.OrderId);
        // The expiry's scan: seats held for a fee not paid yet, by deadline.
        builder.HasIndex(a => a.PaymentDueAt).HasFilter("status = 'Approved' AND paid_at IS NULL AND payment_due_at IS NOT NULL")
            .HasDatabaseName("ix_cohort_applications_unpaid_due");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Cohorts;

internal sealed class CohortSlotConfiguration : IEntityTypeConfiguration<CohortSlot>
{
    public const string WaitlistNumbers = "cohort_waitlist_numbers";

    public void Configure(EntityTypeBuilder<CohortSlot> builder)
    {
        builder.ToTable("cohort_slots");
        builder.HasKey(s => new { s.CohortId, s.Kind, s.Number });
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        // A student holds one place per cohort at most (moving from the waitlist frees the old place first).
        builder.HasIndex(s => new { s.CohortId, s.StudentId }).IsUnique();
        // Claims look for the lowest free place; held rows are left out of this index.
        builder.HasIndex(s => new { s.CohortId, s.Kind, s.Number }).HasFilter("student_id IS NULL").HasDatabaseName("ix_cohort_slots_free");
        // The foreign key to cohorts is DEFERRABLE INITIALLY DEFERRED, made in the migration (EF cannot say so): the
        // places are inserted by SQL before EF saves the cohort row, in the same transaction.
    }
}

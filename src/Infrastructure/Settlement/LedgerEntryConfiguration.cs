using LectureHub.Domain.Payments;
using LectureHub.Domain.Settlement;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Settlement;

/// <summary>
/// The ledger. Beyond these, migration <c>Settlement</c> installs the database's own guards: a deferred constraint
/// trigger that refuses to commit a transaction whose legs do not sum to zero, and triggers that refuse to delete
/// legs or statements, or change them other than attaching a leg to a statement once and marking a statement paid.
/// </summary>
internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.ConfigureEntity();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Account).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(e => e.TransactionId);
        builder.HasIndex(e => new { e.InstructorId, e.OccurredAt }).HasFilter("statement_id IS NULL").HasDatabaseName("ix_ledger_entries_unsettled");
        builder.HasIndex(e => e.StatementId);
        builder.HasIndex(e => e.OrderId);
        // The instructor console's sales per course, read from the index alone (the legs never change).
        builder.HasIndex(e => e.CourseId).IncludeProperties(e => new { e.Kind, e.Account, e.AmountKrw });
        builder.HasIndex(e => e.CohortId);
        builder.HasIndex(e => e.OccurredAt); // the dashboard's money per day
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.InstructorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstructorStatement>().WithMany().HasForeignKey(e => e.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

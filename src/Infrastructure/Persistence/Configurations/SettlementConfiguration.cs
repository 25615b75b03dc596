using LectureHub.Domain.Payments;
using LectureHub.Domain.Settlement;
using LectureHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Persistence.Configurations;

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
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.InstructorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstructorStatement>().WithMany().HasForeignKey(e => e.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}

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

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasMaxLength(200);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.TraceParent).HasMaxLength(100);
        // The relay only ever scans pending messages that are due.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("processed_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
    }
}

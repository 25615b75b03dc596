using LectureHub.Domain.Audit;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>The table; its trigger refuses UPDATE and DELETE (migration AdminUsersAndAudit).</summary>
    public const string Table = "audit_entries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(Table);
        builder.ConfigureEntity();
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.MaxActionLength);
        builder.Property(a => a.TargetType).HasMaxLength(40);
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.TargetId, a.OccurredAt });
        builder.HasIndex(a => new { a.AdminId, a.OccurredAt });
    }
}

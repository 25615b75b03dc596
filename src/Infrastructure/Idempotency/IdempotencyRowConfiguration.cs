using LectureHub.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Idempotency;

internal sealed class IdempotencyRowConfiguration : IEntityTypeConfiguration<IdempotencyRow>
{
    public void Configure(EntityTypeBuilder<IdempotencyRow> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.HasIndex(r => r.CreatedAt);
    }
}

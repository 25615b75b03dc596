using LectureHub.Domain.Payments;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Payments;

internal sealed class PaymentAnomalyConfiguration : IEntityTypeConfiguration<PaymentAnomaly>
{
    public void Configure(EntityTypeBuilder<PaymentAnomaly> builder)
    {
        builder.ConfigureEntity();
        builder.Property(a => a.PaymentKey).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.HasIndex(a => new { a.PaymentKey, a.Kind }).IsUnique();
        builder.HasIndex(a => a.FoundAt);
    }
}

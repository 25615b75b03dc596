using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Payments.Webhooks;

internal sealed class PaymentWebhookRowConfiguration : IEntityTypeConfiguration<PaymentWebhookRow>
{
    public void Configure(EntityTypeBuilder<PaymentWebhookRow> builder)
    {
        builder.ToTable("payment_webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Provider).HasMaxLength(40);
        builder.Property(w => w.WebhookId).HasMaxLength(200);
        builder.Property(w => w.Body).HasColumnType("text");
        // A redelivery is recognised by its id, per provider (the spec makes webhook-id the idempotency key).
        builder.HasIndex(w => new { w.Provider, w.WebhookId }).IsUnique();
        builder.HasIndex(w => w.NextAttemptAt).HasFilter("processed_at IS NULL").HasDatabaseName("ix_payment_webhooks_unprocessed");
    }
}

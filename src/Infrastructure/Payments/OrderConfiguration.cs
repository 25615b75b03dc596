using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Payments;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ConfigureEntity();
        // A confirm and a webhook for one order can meet: the later save is a 409 and is retried against the new state.
        builder.HasXminConcurrencyToken();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Lines).StoredAsJson();
        builder.Property(o => o.Terms).StoredAsJson();
        builder.Property(o => o.Refunds).StoredAsJson();
        builder.HasOne<Coupon>().WithMany().HasForeignKey(o => o.CouponId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.PaymentKey).HasMaxLength(200);
        builder.Property(o => o.FailureReason).HasMaxLength(500);
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.StudentId, o.CreatedAt });
        builder.HasIndex(o => o.PaymentKey).IsUnique();
        // Reconciliation looks for PENDING orders by age.
        builder.HasIndex(o => o.CreatedAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_orders_pending");
    }
}

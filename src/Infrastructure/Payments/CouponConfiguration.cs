using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LectureHub.Infrastructure.Payments;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        // The cap is the database's rule too: a redemption is a conditional update, and this check backs it.
        builder.ToTable("coupons", t => t.HasCheckConstraint("ck_coupons_redemptions", "redemptions BETWEEN 0 AND usage_cap"));
        builder.ConfigureEntity();
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.InstructorId).OnDelete(DeleteBehavior.Restrict);
    }
}

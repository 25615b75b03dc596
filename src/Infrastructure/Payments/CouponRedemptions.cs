using LectureHub.Application.Payments;
using LectureHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LectureHub.Infrastructure.Payments;

internal sealed class CouponRedemptions(AppDbContext db) : ICouponRedemptions
{
    public async Task<bool> TryRedeemAsync(Guid couponId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"UPDATE coupons SET redemptions = redemptions + 1 WHERE id = {couponId} AND redemptions < usage_cap", cancellationToken) == 1;

    public Task ReleaseAsync(Guid couponId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE coupons SET redemptions = redemptions - 1 WHERE id = {couponId} AND redemptions > 0", cancellationToken);
}

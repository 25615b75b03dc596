namespace LectureHub.Application.Payments;

/// <summary>
/// A coupon's use counter, moved by conditional updates in the command's transaction: a use is taken only while
/// fewer than the cap are, so the cap holds however many orders race for the last one.
/// </summary>
public interface ICouponRedemptions
{
    /// <summary>Takes a use; false when the cap is reached.</summary>
    Task<bool> TryRedeemAsync(Guid couponId, CancellationToken cancellationToken);

    /// <summary>Gives a use back (the order ended unpaid).</summary>
    Task ReleaseAsync(Guid couponId, CancellationToken cancellationToken);
}

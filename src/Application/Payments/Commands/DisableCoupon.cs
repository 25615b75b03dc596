using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// Withdraws a coupon: its instructor (or an Admin, and only an Admin for platform coupons). New orders are refused it
/// (COUPON_DISABLED); orders placed with it keep their discount. Disabling twice changes nothing.
/// </summary>
public sealed record DisableCouponCommand(Guid CouponId) : ICommand<CouponDto>;

internal sealed class DisableCouponHandler(IRepository<Coupon> coupons, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<DisableCouponCommand, CouponDto>
{
    public async ValueTask<CouponDto> Handle(DisableCouponCommand command, CancellationToken cancellationToken)
    {
        var coupon = await coupons.GetByIdAsync(command.CouponId, cancellationToken);
        if (coupon is null || (currentUser.Role != Role.Admin && coupon.InstructorId != currentUser.RequiredUserId))
        {
            throw new NotFoundException("COUPON_NOT_FOUND", $"There is no coupon {command.CouponId} of yours.");
        }

        coupon.Disable(clock.GetUtcNow());
        return CouponDto.From(coupon);
    }
}

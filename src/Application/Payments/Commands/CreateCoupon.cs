using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Payments.Commands;

/// <summary>A coupon and its use: <c>Redemptions</c> counts orders that took it (unpaid ones give theirs back when they end).</summary>
public sealed record CouponDto(
    Guid Id, string Code, Guid? InstructorId, int? PercentOff, long? AmountOffKrw, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, int UsageCap, int Redemptions,
    DateTimeOffset? DisabledAt)
{
    public static CouponDto From(Coupon c) =>
        new(c.Id, c.Code, c.InstructorId, c.PercentOff, c.AmountOffKrw, c.ValidFrom, c.ValidUntil, c.UsageCap, c.Redemptions, c.DisabledAt);
}

/// <summary>
/// An instructor makes a coupon for their own courses; an Admin makes a platform coupon (every course) with
/// <paramref name="Platform"/>. Either a percentage (1–90) or an amount off.
/// </summary>
public sealed record CreateCouponCommand(
    string Code, int? PercentOff, long? AmountOffKrw, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, int UsageCap, bool Platform) : ICommand<CouponDto>;

internal sealed class CreateCouponValidator : AbstractValidator<CreateCouponCommand>
{
    public CreateCouponValidator()
    {
        RuleFor(c => c.Code).NotEmpty().Length(4, 40).Matches("^[A-Za-z0-9_-]+$").WithMessage("4–40 letters, digits, '-' or '_'.");
        RuleFor(c => c).Must(c => c.PercentOff.HasValue != c.AmountOffKrw.HasValue).WithName("percentOff").WithMessage("Give either percentOff or amountOffKrw.");
        RuleFor(c => c.PercentOff).InclusiveBetween(1, Coupon.MaxPercent);
        RuleFor(c => c.AmountOffKrw).GreaterThan(0).LessThanOrEqualTo(10_000_000);
        RuleFor(c => c.ValidUntil).GreaterThan(c => c.ValidFrom).WithMessage("The coupon must end after it starts.");
        RuleFor(c => c.UsageCap).InclusiveBetween(1, 1_000_000);
    }
}

internal sealed class CreateCouponHandler(IRepository<Coupon> coupons, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CreateCouponCommand, CouponDto>
{
    public async ValueTask<CouponDto> Handle(CreateCouponCommand command, CancellationToken cancellationToken)
    {
        if (command.Platform && currentUser.Role != Role.Admin)
        {
            throw new ForbiddenException("ADMIN_ONLY", "Only an Admin makes platform coupons; instructors make coupons for their own courses.");
        }

        if (await coupons.AnyAsync(new CouponByCodeSpec(command.Code), cancellationToken))
        {
            throw new ConflictException("COUPON_CODE_TAKEN", $"A coupon {Coupon.Normalize(command.Code)} already exists.");
        }

        var coupon = Coupon.Create(command.Code, command.Platform ? null : currentUser.RequiredUserId, command.PercentOff, command.AmountOffKrw,
            command.ValidFrom, command.ValidUntil, command.UsageCap, clock.GetUtcNow());
        await coupons.AddAsync(coupon, cancellationToken);
        return CouponDto.From(coupon);
    }
}

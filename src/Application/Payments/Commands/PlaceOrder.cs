using Ardalis.Specification;
using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Application.Enrollments;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Payments;
using Mediator;

namespace LectureHub.Application.Payments.Commands;

/// <summary>
/// A student orders paid, published courses. The amount is computed here from the courses' current prices; the
/// client names courses, never amounts. A coupon code takes its discount off (and reserves one of its uses). The
/// order starts PENDING with today's settlement terms frozen on it; its id goes to the gateway's payment widget.
/// </summary>
public sealed record PlaceOrderCommand(IReadOnlyList<Guid> CourseIds, string? CouponCode = null) : ICommand<OrderDto>;

internal sealed class PlaceOrderValidator : AbstractValidator<PlaceOrderCommand>
{
    public PlaceOrderValidator()
    {
        RuleFor(c => c.CourseIds).NotEmpty().Must(ids => ids.Count <= Order.MaxLines).WithMessage($"An order holds at most {Order.MaxLines} courses.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("A course appears twice.");
        RuleForEach(c => c.CourseIds).NotEmpty();
        RuleFor(c => c.CouponCode).MaximumLength(40);
    }
}

internal sealed class PlaceOrderHandler(
    IRepository<Course> courses, IRepository<Enrollment> enrollments, IRepository<Order> orders, IRepository<Coupon> coupons,
    ICouponRedemptions redemptions, SettlementTerms terms, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PlaceOrderCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var student = currentUser.RequiredUserId;
        var found = (await courses.ListAsync(new PublishedCoursesSpec(command.CourseIds), cancellationToken)).ToDictionary(c => c.Id);
        if (command.CourseIds.FirstOrDefault(id => !found.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            throw new NotFoundException("COURSE_NOT_FOUND", $"Course {missing} does not exist or is not on sale.");
        }

        if ((await enrollments.ListAsync(new ActiveEnrollmentsSpec(student, command.CourseIds), cancellationToken)).FirstOrDefault() is { } enrolled)
        {
            throw new ConflictException("ALREADY_ENROLLED", $"You are already enrolled in '{found[enrolled.CourseId].Title}'.");
        }

        var now = clock.GetUtcNow();
        IReadOnlyList<OrderLine> lines = command.CourseIds.Select(id => new OrderLine(id, found[id].Title, found[id].PriceKrw, found[id].InstructorId)).ToList();
        Coupon? coupon = null;
        if (!string.IsNullOrWhiteSpace(command.CouponCode))
        {
            coupon = await coupons.SingleOrDefaultAsync(new CouponByCodeSpec(command.CouponCode), cancellationToken)
                     ?? throw new NotFoundException("COUPON_NOT_FOUND", $"There is no coupon {Coupon.Normalize(command.CouponCode)}.");
            lines = coupon.Apply(lines, now);
        }

        var order = Order.Place(student, lines, terms, coupon?.Id, now);
        if (coupon is not null && !await redemptions.TryRedeemAsync(coupon.Id, cancellationToken))
        {
            throw new ConflictException("COUPON_EXHAUSTED", $"Coupon {coupon.Code} has been used {coupon.UsageCap} times, its limit.");
        }

        await orders.AddAsync(order, cancellationToken);
        return OrderDto.From(order);
    }
}

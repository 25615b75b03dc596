using LectureHub.Application.Abstractions;
using LectureHub.Domain.Payments;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Payments.Queries;

/// <summary>One order, for its student or an Admin (anyone else is told it does not exist). On the primary: it is the student's own fresh write.</summary>
public sealed record GetOrderQuery(Guid OrderId) : IQuery<OrderDto>;

internal sealed class GetOrderHandler(IRepository<Order> orders, ICurrentUser currentUser) : IQueryHandler<GetOrderQuery, OrderDto>
{
    public async ValueTask<OrderDto> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var order = await orders.GetByIdAsync(query.OrderId, cancellationToken);
        return order is not null && (currentUser.Role == Role.Admin || order.StudentId == currentUser.UserId)
            ? OrderDto.From(order)
            : throw OrderAccess.NotFound(query.OrderId);
    }
}

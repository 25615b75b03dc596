using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Common;
using LectureHub.Domain.Audit;
using Mediator;

namespace LectureHub.Application.Outbox;

/// <summary>Admins: outbox messages (emails, cache purges) that failed every retry, oldest first.</summary>
public sealed record ListDeadLettersQuery(int Limit = 100) : IQuery<IReadOnlyList<DeadLetterDto>>, IPagedQuery
{
    public static int MaxLimit => 500;
}

/// <summary>Admins: retry a dead letter now, with the whole retry schedule ahead of it again.</summary>
public sealed record RetryDeadLetterCommand(Guid Id) : ICommand<Unit>;

internal sealed class ListDeadLettersHandler(IOutboxAdmin outbox) : IQueryHandler<ListDeadLettersQuery, IReadOnlyList<DeadLetterDto>>
{
    public async ValueTask<IReadOnlyList<DeadLetterDto>> Handle(ListDeadLettersQuery query, CancellationToken cancellationToken) =>
        await outbox.ListDeadLettersAsync(query.Limit, cancellationToken);
}

internal sealed class RetryDeadLetterHandler(IOutboxAdmin outbox, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<RetryDeadLetterCommand, Unit>
{
    public async ValueTask<Unit> Handle(RetryDeadLetterCommand command, CancellationToken cancellationToken)
    {
        if (!await outbox.RetryAsync(command.Id, cancellationToken))
        {
            throw new NotFoundException("DEAD_LETTER_NOT_FOUND", $"No dead letter {command.Id}: it does not exist, was delivered, or is still being retried.");
        }

        await AdminAudit.RecordAsync<object>(audit, admin, "outbox.retry", "outbox-message", command.Id, null, null, clock.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}

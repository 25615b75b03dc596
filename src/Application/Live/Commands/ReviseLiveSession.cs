using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Commands;

/// <summary>The host (or an Admin) changes a scheduled session's title, times or assistants; a new start is reminded anew.</summary>
public sealed record ReviseLiveSessionCommand(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Guid>? AssistantIds = null)
    : ICommand<LiveSessionDto>, ILiveSessionFields;

internal sealed class ReviseLiveSessionValidator : AbstractValidator<ReviseLiveSessionCommand>
{
    public ReviseLiveSessionValidator() => Include(new LiveSessionFieldsValidator());
}

internal sealed class ReviseLiveSessionHandler(IRepository<LiveSession> sessions, IReadDb db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReviseLiveSessionCommand, LiveSessionDto>
{
    public async ValueTask<LiveSessionDto> Handle(ReviseLiveSessionCommand command, CancellationToken cancellationToken)
    {
        var session = currentUser.EnsureCanRun(await sessions.LoadAsync(command.Id, cancellationToken));
        var assistants = await db.CheckedAsync(command.AssistantIds, cancellationToken);
        session.Revise(command.Title, command.StartsAt, command.EndsAt, assistants.ToList(), clock.GetUtcNow());
        return LiveSessionDto.From(session, await db.RoleOfAsync(currentUser, session.Parties(), cancellationToken));
    }
}

using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Live.Queries;

/// <summary>A session for whoever may take part in it (and Admins), with the caller's role.</summary>
public sealed record GetLiveSessionQuery(Guid Id) : IQuery<LiveSessionDto>;

internal sealed class GetLiveSessionHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetLiveSessionQuery, LiveSessionDto>
{
    public async ValueTask<LiveSessionDto> Handle(GetLiveSessionQuery query, CancellationToken cancellationToken)
    {
        var row = await db.LoadRowAsync(query.Id, cancellationToken);
        return row.Dto(await db.RoleOfAsync(currentUser, row.Parties, cancellationToken));
    }
}

using LectureHub.Application.Abstractions;
using LectureHub.Domain.Live;
using Mediator;

namespace LectureHub.Application.Live.Queries;

/// <summary>A session for whoever may take part in it (and Admins), with the caller's role.</summary>
public sealed record GetLiveSessionQuery(Guid Id) : IQuery<LiveSessionDto>;

internal sealed class GetLiveSessionHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetLiveSessionQuery, LiveSessionDto>
{
    private const string Sql = """
        SELECT id AS "Id", title AS "Title", course_id AS "CourseId", cohort_id AS "CohortId", host_id AS "HostId", assistant_ids AS "AssistantIds",
               starts_at AS "StartsAt", ends_at AS "EndsAt", status AS "Status", started_at AS "StartedAt", ended_at AS "EndedAt"
        FROM live_sessions WHERE id = @Id
        """;

    public async ValueTask<LiveSessionDto> Handle(GetLiveSessionQuery query, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(Sql, new { query.Id }, cancellationToken) ?? throw LiveSessionAccess.NotFound(query.Id);
        var role = await db.RoleOfAsync(currentUser, new LiveSessionParties(row.HostId, row.AssistantIds, row.CourseId, row.CohortId), cancellationToken);
        return new LiveSessionDto(row.Id, row.Title, row.CourseId, row.CohortId, row.HostId, row.AssistantIds, row.StartsAt, row.EndsAt,
            Enum.Parse<LiveSessionStatus>(row.Status), row.StartedAt, row.EndedAt, role);
    }

    private sealed record Row(
        Guid Id, string Title, Guid? CourseId, Guid? CohortId, Guid HostId, Guid[] AssistantIds, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status,
        DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);
}

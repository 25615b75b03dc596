using LectureHub.Application.Abstractions;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>Public cohorts whose recruitment has not ended (optionally one course's), soonest deadline first, at most 50.</summary>
public sealed record ListRecruitingCohortsQuery(Guid? CourseId) : IQuery<IReadOnlyList<CohortCardDto>>;

public sealed record CohortCardDto(
    Guid Id, Guid? CourseId, string Title, SelectionType Selection, DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt,
    DateTimeOffset ClassStartsAt, string? Location, bool IsOnline, long FeeKrw, SeatsDto Seats);

internal sealed class ListRecruitingCohortsHandler(IReadDb db, TimeProvider clock) : IQueryHandler<ListRecruitingCohortsQuery, IReadOnlyList<CohortCardDto>>
{
    private const string Sql = $"""
        SELECT c.id AS "Id", c.course_id AS "CourseId", c.title AS "Title", c.selection AS "Selection",
               c.recruit_starts_at AS "RecruitStartsAt", c.recruit_ends_at AS "RecruitEndsAt", c.class_starts_at AS "ClassStartsAt",
               c.location AS "Location", c.is_online AS "IsOnline", c.fee_krw AS "FeeKrw",
               {SeatsSql.Columns}
        FROM cohorts c
        WHERE c.visibility = 'Public' AND c.recruit_ends_at > @Now AND (@CourseId::uuid IS NULL OR c.course_id = @CourseId)
        ORDER BY c.recruit_ends_at, c.id
        LIMIT 50
        """;

    public async ValueTask<IReadOnlyList<CohortCardDto>> Handle(ListRecruitingCohortsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(Sql, new { Now = clock.GetUtcNow(), query.CourseId }, cancellationToken);
        return rows.Select(r => new CohortCardDto(r.Id, r.CourseId, r.Title, Enum.Parse<SelectionType>(r.Selection), r.RecruitStartsAt, r.RecruitEndsAt,
            r.ClassStartsAt, r.Location, r.IsOnline, r.FeeKrw, new SeatsDto(r.Capacity, r.Taken, r.WaitlistCapacity, r.Waitlisted))).ToList();
    }

    private sealed record Row(
        Guid Id, Guid? CourseId, string Title, string Selection, DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt,
        DateTimeOffset ClassStartsAt, string? Location, bool IsOnline, long FeeKrw, int Capacity, int Taken, int WaitlistCapacity, int Waitlisted);
}

using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>A cohort's page: details, the current form and terms, and live seat counts. Unlisted cohorts too, by id.</summary>
public sealed record GetCohortQuery(Guid Id) : IQuery<CohortDto>;

internal sealed class GetCohortHandler(IReadDb db) : IQueryHandler<GetCohortQuery, CohortDto>
{
    private const string Sql = $"""
        SELECT c.id AS "Id", c.owner_id AS "OwnerId", c.course_id AS "CourseId", c.title AS "Title", c.description AS "Description",
               c.selection AS "Selection", c.recruit_starts_at AS "RecruitStartsAt", c.recruit_ends_at AS "RecruitEndsAt",
               c.class_starts_at AS "ClassStartsAt", c.class_ends_at AS "ClassEndsAt", c.location AS "Location", c.is_online AS "IsOnline",
               c.fee_krw AS "FeeKrw", c.visibility AS "Visibility", c.form::text AS "Form", c.terms::text AS "Terms",
               c.category_id AS "CategoryId", c.region AS "Region", c.cancelled_at AS "CancelledAt", c.cancellation_reason AS "CancellationReason",
               {SeatsSql.Columns}
        FROM cohorts c
        WHERE c.id = @Id
        """;

    public async ValueTask<CohortDto> Handle(GetCohortQuery query, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(Sql, new { query.Id }, cancellationToken) ?? throw CohortAccess.NotFound(query.Id);
        return new CohortDto(
            row.Id, row.OwnerId, row.CourseId, row.Title, row.Description, Enum.Parse<SelectionType>(row.Selection),
            row.RecruitStartsAt, row.RecruitEndsAt, row.ClassStartsAt, row.ClassEndsAt, row.Location, row.IsOnline, row.FeeKrw,
            Enum.Parse<CohortVisibility>(row.Visibility), StoredJson.Read<CohortForm>(row.Form), StoredJson.Read<List<CohortTerm>>(row.Terms),
            new SeatsDto(row.Capacity, row.Taken, row.WaitlistCapacity, row.Waitlisted), row.CategoryId, row.Region, row.CancelledAt, row.CancellationReason);
    }

    private sealed record Row(
        Guid Id, Guid OwnerId, Guid? CourseId, string Title, string Description, string Selection,
        DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt, DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt,
        string? Location, bool IsOnline, long FeeKrw, string Visibility, string Form, string Terms,
        Guid? CategoryId, string? Region, DateTimeOffset? CancelledAt, string? CancellationReason,
        int Capacity, int Taken, int WaitlistCapacity, int Waitlisted);
}

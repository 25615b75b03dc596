using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>The cohorts the caller opened, in every state (unlisted, past, cancelled), newest first, with seats and pending reviews.</summary>
public sealed record ListMyCohortsQuery(string? Cursor = null, int Limit = 50) : IQuery<OwnedCohortPage>, IPagedQuery
{
    public static int MaxLimit => 200;
}

public sealed record OwnedCohortDto(
    Guid Id, string Title, Guid? CourseId, CohortVisibility Visibility, SelectionType Selection, long FeeKrw,
    DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt, DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt,
    DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt, SeatsDto Seats, int PendingReviews);

public sealed record OwnedCohortPage(IReadOnlyList<OwnedCohortDto> Items, string? NextCursor);

internal sealed class ListMyCohortsValidator : AbstractValidator<ListMyCohortsQuery>
{
    public ListMyCohortsValidator() => RuleFor(q => q.Cursor).ValidTimeKeyCursor();
}

internal sealed class ListMyCohortsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyCohortsQuery, OwnedCohortPage>
{
    private const string Sql = $"""
        SELECT c.id AS "Id", c.title AS "Title", c.course_id AS "CourseId", c.visibility AS "Visibility", c.selection AS "Selection", c.fee_krw AS "FeeKrw",
               c.recruit_starts_at AS "RecruitStartsAt", c.recruit_ends_at AS "RecruitEndsAt", c.class_starts_at AS "ClassStartsAt",
               c.class_ends_at AS "ClassEndsAt", c.created_at AS "CreatedAt", c.cancelled_at AS "CancelledAt",
               {SeatsSql.Columns},
               (SELECT count(*)::int FROM cohort_applications a WHERE a.cohort_id = c.id AND a.status = 'Applied') AS "PendingReviews"
        FROM cohorts c
        WHERE c.owner_id = @OwnerId
        """;

    public async ValueTask<OwnedCohortPage> Handle(ListMyCohortsQuery query, CancellationToken cancellationToken)
    {
        var (rows, next) = await TimeKeyset.PageAsync<Row>(
            db, Sql, "c.created_at", "c.id", new() { ["OwnerId"] = currentUser.RequiredUserId }, query.Cursor, query.Limit, r => new(r.CreatedAt, r.Id), cancellationToken);
        return new OwnedCohortPage(rows.Select(r => r.Dto).ToList(), next);
    }

    private sealed record Row(
        Guid Id, string Title, Guid? CourseId, string Visibility, string Selection, long FeeKrw,
        DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt, DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt,
        DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt, int Capacity, int Taken, int WaitlistCapacity, int Waitlisted, int PendingReviews)
    {
        public OwnedCohortDto Dto => new(Id, Title, CourseId, Enum.Parse<CohortVisibility>(Visibility), Enum.Parse<SelectionType>(Selection), FeeKrw,
            RecruitStartsAt, RecruitEndsAt, ClassStartsAt, ClassEndsAt, CreatedAt, CancelledAt, new SeatsDto(Capacity, Taken, WaitlistCapacity, Waitlisted), PendingReviews);
    }
}

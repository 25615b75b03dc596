using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Cohorts;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>
/// Public cohorts still to recruit or recruiting (not cancelled), soonest deadline first, in keyset pages; filtered by
/// trade (category), course, online or offline, region, and when the class starts (from inclusive, to exclusive).
/// Unlisted cohorts are reached by id only.
/// </summary>
public sealed record ListCohortsQuery(
    Guid? CategoryId = null, Guid? CourseId = null, bool? IsOnline = null, string? Region = null,
    DateTimeOffset? StartsFrom = null, DateTimeOffset? StartsBefore = null, string? Cursor = null, int Limit = 20)
    : IQuery<CohortCardPage>, IPagedQuery
{
    public static int MaxLimit => 100;
}

public sealed record CohortCardDto(
    Guid Id, Guid? CourseId, Guid? CategoryId, string Title, SelectionType Selection, DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt,
    DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt, string? Location, string? Region, bool IsOnline, long FeeKrw, SeatsDto Seats);

public sealed record CohortCardPage(IReadOnlyList<CohortCardDto> Items, string? NextCursor);

internal sealed class ListCohortsValidator : AbstractValidator<ListCohortsQuery>
{
    public ListCohortsValidator()
    {
        RuleFor(q => q.Cursor).ValidTimeKeyCursor();
        RuleFor(q => q.Region).Must(Regions.IsKnown).When(q => q.Region is not null).WithMessage($"A region is one of: {string.Join(", ", Regions.All)}.");
        RuleFor(q => q.StartsBefore).GreaterThan(q => q.StartsFrom).When(q => q.StartsFrom is not null && q.StartsBefore is not null)
            .WithMessage("startsBefore must be after startsFrom.");
    }
}

internal sealed class ListCohortsHandler(IReadDb db, TimeProvider clock) : IQueryHandler<ListCohortsQuery, CohortCardPage>
{
    // Matches the partial index ix_cohorts_public_recruit_ends_at (public, not cancelled), read in its order.
    private const string Sql = $"""
        SELECT c.id AS "Id", c.course_id AS "CourseId", c.category_id AS "CategoryId", c.title AS "Title", c.selection AS "Selection",
               c.recruit_starts_at AS "RecruitStartsAt", c.recruit_ends_at AS "RecruitEndsAt", c.class_starts_at AS "ClassStartsAt",
               c.class_ends_at AS "ClassEndsAt", c.location AS "Location", c.region AS "Region", c.is_online AS "IsOnline", c.fee_krw AS "FeeKrw",
               {SeatsSql.Columns}
        FROM cohorts c
        WHERE c.visibility = 'Public' AND c.cancelled_at IS NULL AND c.recruit_ends_at > @Now
          AND (@CategoryId::uuid IS NULL OR c.category_id = @CategoryId) AND (@CourseId::uuid IS NULL OR c.course_id = @CourseId)
          AND (@IsOnline::boolean IS NULL OR c.is_online = @IsOnline) AND (@Region::text IS NULL OR c.region = @Region)
          AND (@StartsFrom::timestamptz IS NULL OR c.class_starts_at >= @StartsFrom)
          AND (@StartsBefore::timestamptz IS NULL OR c.class_starts_at < @StartsBefore)
        """;

    public async ValueTask<CohortCardPage> Handle(ListCohortsQuery query, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["Now"] = clock.GetUtcNow(), ["CategoryId"] = query.CategoryId, ["CourseId"] = query.CourseId, ["IsOnline"] = query.IsOnline,
            ["Region"] = query.Region, ["StartsFrom"] = query.StartsFrom, ["StartsBefore"] = query.StartsBefore,
        };
        var (rows, next) = await TimeKeyset.PageAsync<Row>(
            db, Sql, "c.recruit_ends_at", "c.id", parameters, query.Cursor, query.Limit, r => new(r.RecruitEndsAt, r.Id), cancellationToken, oldestFirst: true);
        return new CohortCardPage(rows.Select(r => r.Dto).ToList(), next);
    }

    private sealed record Row(
        Guid Id, Guid? CourseId, Guid? CategoryId, string Title, string Selection, DateTimeOffset RecruitStartsAt, DateTimeOffset RecruitEndsAt,
        DateTimeOffset ClassStartsAt, DateTimeOffset ClassEndsAt, string? Location, string? Region, bool IsOnline, long FeeKrw,
        int Capacity, int Taken, int WaitlistCapacity, int Waitlisted)
    {
        public CohortCardDto Dto => new(Id, CourseId, CategoryId, Title, Enum.Parse<SelectionType>(Selection), RecruitStartsAt, RecruitEndsAt,
            ClassStartsAt, ClassEndsAt, Location, Region, IsOnline, FeeKrw, new SeatsDto(Capacity, Taken, WaitlistCapacity, Waitlisted));
    }
}

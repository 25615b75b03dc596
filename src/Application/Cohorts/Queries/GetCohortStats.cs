using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Cohorts.Queries;

/// <summary>For the owner or an Admin: seats taken, waitlist length, pending reviews, and every status's count.</summary>
public sealed record GetCohortStatsQuery(Guid CohortId) : IQuery<CohortStatsDto>;

public sealed record CohortStatsDto(
    Guid CohortId, int Capacity, int SeatsTaken, int WaitlistCapacity, int WaitlistLength, int PendingReviews, IReadOnlyDictionary<string, int> ByStatus);

internal sealed class GetCohortStatsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetCohortStatsQuery, CohortStatsDto>
{
    private const string SeatsSql = $"""
        SELECT c.owner_id AS "OwnerId", {Cohorts.SeatsSql.Columns}
        FROM cohorts c WHERE c.id = @CohortId
        """;

    private const string CountsSql = """
        SELECT status AS "Status", count(*)::int AS "Count" FROM cohort_applications WHERE cohort_id = @CohortId GROUP BY status
        """;

    public async ValueTask<CohortStatsDto> Handle(GetCohortStatsQuery query, CancellationToken cancellationToken)
    {
        var seats = await db.QuerySingleOrDefaultAsync<SeatsRow>(SeatsSql, new { query.CohortId }, cancellationToken) ?? throw CohortAccess.NotFound(query.CohortId);
        currentUser.EnsureCanManage(seats.OwnerId);
        var counts = (await db.QueryAsync<CountRow>(CountsSql, new { query.CohortId }, cancellationToken)).ToDictionary(c => c.Status, c => c.Count);
        return new CohortStatsDto(query.CohortId, seats.Capacity, seats.Taken, seats.WaitlistCapacity, seats.Waitlisted,
            counts.GetValueOrDefault(nameof(Domain.Cohorts.ApplicationStatus.Applied)), counts);
    }

    private sealed record SeatsRow(Guid OwnerId, int Capacity, int Taken, int WaitlistCapacity, int Waitlisted);

    private sealed record CountRow(string Status, int Count);
}

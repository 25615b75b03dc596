using LectureHub.Application.Abstractions;
using Mediator;

namespace LectureHub.Application.Reviews.Queries;

/// <summary>One review as the course page shows it (what a write returns to its author).</summary>
public sealed record GetReviewQuery(Guid ReviewId) : IQuery<ReviewDto>;

internal sealed class GetReviewHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<GetReviewQuery, ReviewDto>
{
    private static readonly string Sql = ListCourseReviewsHandler.Select.Replace("{key}", "0::int8", StringComparison.Ordinal) + " WHERE r.id = @ReviewId";

    public async ValueTask<ReviewDto> Handle(GetReviewQuery query, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<ReviewRow>(Sql, new { query.ReviewId, currentUser.UserId }, cancellationToken))?.Dto
        ?? throw ReviewAccess.NotFound(query.ReviewId);
}

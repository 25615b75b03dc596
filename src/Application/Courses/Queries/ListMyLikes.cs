using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using Mediator;

namespace LectureHub.Application.Courses.Queries;

public sealed record LikedCourseDto(Guid Id, string Title, string Summary, long PriceKrw, string InstructorName, DateTimeOffset LikedAt);

/// <summary>The caller's liked courses, newest like first, that are still published.</summary>
public sealed record ListMyLikesQuery(int Limit = 50) : IQuery<IReadOnlyList<LikedCourseDto>>, IPagedQuery
{
    public static int MaxLimit => 200;
}

internal sealed class ListMyLikesHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyLikesQuery, IReadOnlyList<LikedCourseDto>>
{
    private const string Sql = """
        SELECT c.id AS "Id", c.title AS "Title", c.summary AS "Summary", c.price_krw AS "PriceKrw",
               u.display_name AS "InstructorName", l.created_at AS "LikedAt"
        FROM course_likes l
        JOIN courses c ON c.id = l.course_id AND c.status = 'Published'
        JOIN users u ON u.id = c.instructor_id
        WHERE l.user_id = @UserId
        ORDER BY l.created_at DESC, c.id
        LIMIT @Limit
        """;

    public async ValueTask<IReadOnlyList<LikedCourseDto>> Handle(ListMyLikesQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<LikedCourseDto>(Sql, new { UserId = currentUser.RequiredUserId, query.Limit }, cancellationToken);
}

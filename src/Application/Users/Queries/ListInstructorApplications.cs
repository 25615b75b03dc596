using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Queries;

/// <summary>Admins: applications to teach in a status, oldest first (the queue).</summary>
public sealed record ListInstructorApplicationsQuery(InstructorApplicationStatus Status = InstructorApplicationStatus.Pending, int Limit = 50)
    : IQuery<IReadOnlyList<InstructorApplicationDto>>, IPagedQuery
{
    public static int MaxLimit => 200;
}

internal sealed class ListInstructorApplicationsHandler(IReadDb db) : IQueryHandler<ListInstructorApplicationsQuery, IReadOnlyList<InstructorApplicationDto>>
{
    private const string Sql = """
        SELECT a.id AS "Id", a.user_id AS "UserId", u.email AS "Email", u.display_name AS "DisplayName", a.motivation AS "Motivation",
               a.status AS "Status", a.created_at AS "CreatedAt", a.decided_at AS "DecidedAt", a.rejection_reason AS "RejectionReason"
        FROM instructor_applications a
        JOIN users u ON u.id = a.user_id
        WHERE a.status = @Status
        ORDER BY a.created_at, a.id
        LIMIT @Limit
        """;

    public async ValueTask<IReadOnlyList<InstructorApplicationDto>> Handle(ListInstructorApplicationsQuery query, CancellationToken cancellationToken) =>
        await db.QueryAsync<InstructorApplicationDto>(Sql, new { Status = query.Status.ToString(), query.Limit }, cancellationToken);
}

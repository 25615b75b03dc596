using LectureHub.Application.Abstractions;
using LectureHub.Application.Settlement.Commands;
using Mediator;

namespace LectureHub.Application.Settlement.Queries;

/// <summary>Statements, newest month first: the signed-in instructor's own (<paramref name="AllInstructors"/> false), or an Admin's view of everyone's, optionally for one month.</summary>
public sealed record ListStatementsQuery(bool AllInstructors, string? Month = null) : IQuery<IReadOnlyList<StatementDto>>;

internal sealed class ListStatementsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListStatementsQuery, IReadOnlyList<StatementDto>>
{
    private const string Sql = $"""
        SELECT {StatementDto.Columns}
        FROM instructor_statements
        WHERE (@InstructorId::uuid IS NULL OR instructor_id = @InstructorId) AND (@Month::date IS NULL OR month = @Month::date)
        ORDER BY month DESC, net_krw DESC
        LIMIT 1000
        """;

    public async ValueTask<IReadOnlyList<StatementDto>> Handle(ListStatementsQuery query, CancellationToken cancellationToken)
    {
        DateOnly? month = query.Month is null ? null : SettlementMonth.Parse(query.Month);
        Guid? instructor = query.AllInstructors ? null : currentUser.RequiredUserId;
        return await db.QueryAsync<StatementDto>(Sql, new { InstructorId = instructor, Month = month }, cancellationToken);
    }
}

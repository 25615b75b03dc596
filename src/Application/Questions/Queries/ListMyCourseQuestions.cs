using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common;
using Mediator;

namespace LectureHub.Application.Questions.Queries;

/// <summary>The instructor's queue: questions across all their courses, by default only those nobody has answered yet.</summary>
public sealed record ListMyCourseQuestionsQuery(bool Unanswered = true, string? Cursor = null, int Limit = 20) : IQuery<QuestionPage>, IPagedQuery
{
    public static int MaxLimit => 50;
}

internal sealed class ListMyCourseQuestionsValidator : AbstractValidator<ListMyCourseQuestionsQuery>
{
    public ListMyCourseQuestionsValidator() =>
        RuleFor(q => q.Cursor).Must(c => c is null || OpaqueCursor.TryDecode<QuestionCursor>(c, out _)).WithMessage("The cursor is invalid; start again without it.");
}

internal sealed class ListMyCourseQuestionsHandler(IReadDb db, ICurrentUser currentUser) : IQueryHandler<ListMyCourseQuestionsQuery, QuestionPage>
{
    public async ValueTask<QuestionPage> Handle(ListMyCourseQuestionsQuery query, CancellationToken cancellationToken) =>
        await QuestionCards.PageAsync(db, "c.instructor_id = @InstructorId", query.Unanswered, query.Cursor, query.Limit,
            new Dictionary<string, object?> { ["InstructorId"] = currentUser.RequiredUserId }, cancellationToken);
}

using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Courses;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Questions;
using Mediator;

namespace LectureHub.Application.Questions.Commands;

/// <summary>The asker or the course's instructor accepts one answer (accepting another replaces it).</summary>
public sealed record AcceptAnswerCommand(Guid QuestionId, Guid AnswerId) : ICommand;

internal sealed class AcceptAnswerHandler(IRepository<Question> questions, IRepository<Answer> answers, IRepository<Course> courses, ICurrentUser currentUser)
    : ICommandHandler<AcceptAnswerCommand>
{
    public async ValueTask<Unit> Handle(AcceptAnswerCommand command, CancellationToken cancellationToken)
    {
        var question = await questions.LoadAsync(command.QuestionId, cancellationToken);
        var caller = currentUser.RequiredUserId;
        if (question.AuthorId != caller)
        {
            var course = await courses.GetByIdAsync(question.CourseId, cancellationToken) ?? throw CourseAccess.NotFound(question.CourseId);
            if (!course.IsOwnedBy(caller))
            {
                throw new ForbiddenException("NOT_ASKER_OR_INSTRUCTOR", "Only the asker or the course's instructor accepts an answer.");
            }
        }

        var answer = await answers.GetByIdAsync(command.AnswerId, cancellationToken) ?? throw QuestionAccess.AnswerNotFound(command.AnswerId);
        question.Accept(answer);
        return Unit.Value;
    }
}

using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Community;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Questions;
using Mediator;

namespace LectureHub.Application.Questions.Commands;

/// <summary>The course's instructor or an enrolled student answers; the asker is notified. Returns the answer's id.</summary>
public sealed record AnswerQuestionCommand(Guid QuestionId, string Body) : ICommand<Guid>;

internal sealed class AnswerQuestionValidator : AbstractValidator<AnswerQuestionCommand>
{
    public AnswerQuestionValidator() => this.ValidAnswerText(c => c.Body);
}

internal sealed class AnswerQuestionHandler(
    IRepository<Question> questions, IRepository<Answer> answers, IRepository<Course> courses, IRepository<Enrollment> enrollments, IMarkdownRenderer markdown,
    ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AnswerQuestionCommand, Guid>
{
    public async ValueTask<Guid> Handle(AnswerQuestionCommand command, CancellationToken cancellationToken)
    {
        var question = await questions.LoadAsync(command.QuestionId, cancellationToken);
        var (_, isInstructor) = await currentUser.EnsureTakesPartAsync(question.CourseId, courses, enrollments, cancellationToken);
        var answer = Answer.Post(question, currentUser.RequiredUserId, isInstructor, markdown.Render(command.Body), clock.GetUtcNow());
        await answers.AddAsync(answer, cancellationToken);
        return answer.Id;
    }
}

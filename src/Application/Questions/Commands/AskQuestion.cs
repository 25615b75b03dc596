using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Community;
using LectureHub.Application.Courses;
using LectureHub.Domain.Common;
using LectureHub.Domain.Courses;
using LectureHub.Domain.Enrollments;
using LectureHub.Domain.Questions;
using Mediator;

namespace LectureHub.Application.Questions.Commands;

/// <summary>
/// An enrolled student (or the instructor) asks on a course, optionally about a lecture and a moment in it; the
/// instructor is notified. Returns the question's id.
/// </summary>
public sealed record AskQuestionCommand(Guid CourseId, Guid? LectureId, int? AtSeconds, string Title, string Body) : ICommand<Guid>;

internal sealed class AskQuestionValidator : AbstractValidator<AskQuestionCommand>
{
    public AskQuestionValidator()
    {
        this.ValidQuestionText(c => c.Title, c => c.Body);
        RuleFor(c => c.AtSeconds).InclusiveBetween(0, Lecture.MaxDurationSeconds);
        RuleFor(c => c.LectureId).NotNull().When(c => c.AtSeconds is not null).WithMessage("A moment (atSeconds) needs the lecture it is in.");
    }
}

internal sealed class AskQuestionHandler(
    IRepository<Question> questions, IRepository<Course> courses, IRepository<Enrollment> enrollments, IMarkdownRenderer markdown, ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<AskQuestionCommand, Guid>
{
    public async ValueTask<Guid> Handle(AskQuestionCommand command, CancellationToken cancellationToken)
    {
        await currentUser.EnsureTakesPartAsync(command.CourseId, courses, enrollments, cancellationToken);
        if (command.LectureId is { } lectureId)
        {
            var course = await courses.SingleOrDefaultAsync(new CourseWithCurriculumSpec(command.CourseId), cancellationToken) ?? throw CourseAccess.NotFound(command.CourseId);
            if (course.Lectures.All(l => l.Id != lectureId))
            {
                throw new DomainValidationException("LECTURE_NOT_IN_COURSE", "The lecture is not part of this course.");
            }
        }

        var question = Question.Ask(command.CourseId, command.LectureId, command.AtSeconds, currentUser.RequiredUserId, command.Title,
            markdown.Render(command.Body), clock.GetUtcNow());
        await questions.AddAsync(question, cancellationToken);
        return question.Id;
    }
}

using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Community;
using LectureHub.Domain.Questions;
using Mediator;

namespace LectureHub.Application.Questions.Commands;

/// <summary>The author changes an answer's body.</summary>
public sealed record EditAnswerCommand(Guid AnswerId, string Body) : ICommand;

internal sealed class EditAnswerValidator : AbstractValidator<EditAnswerCommand>
{
    public EditAnswerValidator() => this.ValidAnswerText(c => c.Body);
}

internal sealed class EditAnswerHandler(IRepository<Answer> answers, IMarkdownRenderer markdown, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditAnswerCommand>
{
    public async ValueTask<Unit> Handle(EditAnswerCommand command, CancellationToken cancellationToken)
    {
        var answer = await answers.GetByIdAsync(command.AnswerId, cancellationToken) ?? throw QuestionAccess.AnswerNotFound(command.AnswerId);
        if (answer.AuthorId != currentUser.RequiredUserId)
        {
            throw new ForbiddenException("NOT_AUTHOR", "Only its author can change this answer.");
        }

        answer.Edit(markdown.Render(command.Body), clock.GetUtcNow());
        return Unit.Value;
    }
}

using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Community;
using LectureHub.Domain.Questions;
using Mediator;

namespace LectureHub.Application.Questions.Commands;

/// <summary>The asker changes the question's title and body.</summary>
public sealed record EditQuestionCommand(Guid QuestionId, string Title, string Body) : ICommand;

internal sealed class EditQuestionValidator : AbstractValidator<EditQuestionCommand>
{
    public EditQuestionValidator() => this.ValidQuestionText(c => c.Title, c => c.Body);
}

internal sealed class EditQuestionHandler(IRepository<Question> questions, IMarkdownRenderer markdown, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<EditQuestionCommand>
{
    public async ValueTask<Unit> Handle(EditQuestionCommand command, CancellationToken cancellationToken)
    {
        var question = await questions.LoadAsync(command.QuestionId, cancellationToken);
        if (question.AuthorId != currentUser.RequiredUserId)
        {
            throw new ForbiddenException("NOT_AUTHOR", "Only the asker can change this question.");
        }

        question.Edit(command.Title, markdown.Render(command.Body), clock.GetUtcNow());
        return Unit.Value;
    }
}

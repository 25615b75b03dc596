using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Application.Users;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>A student asks to become an instructor; an Admin decides. One pending application per account (a unique index).</summary>
public sealed record ApplyToTeachCommand(string Motivation) : ICommand<InstructorApplicationDto>;

internal sealed class ApplyToTeachValidator : AbstractValidator<ApplyToTeachCommand>
{
    public ApplyToTeachValidator() => RuleFor(c => c.Motivation).NotEmpty().MaximumLength(InstructorApplication.MaxMotivationLength);
}

internal sealed class ApplyToTeachHandler(IRepository<User> users, IRepository<InstructorApplication> applications, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ApplyToTeachCommand, InstructorApplicationDto>
{
    public async ValueTask<InstructorApplicationDto> Handle(ApplyToTeachCommand command, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(users, currentUser, cancellationToken);
        if (await applications.AnyAsync(new PendingInstructorApplicationSpec(user.Id), cancellationToken))
        {
            throw new ConflictException("INSTRUCTOR_APPLICATION_PENDING", "You already have an application to teach waiting for a decision.");
        }

        var application = await applications.AddAsync(InstructorApplication.Submit(user, command.Motivation, clock.GetUtcNow()), cancellationToken);
        return InstructorApplicationDto.From(application, user);
    }
}

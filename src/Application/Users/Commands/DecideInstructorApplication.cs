using FluentValidation;
using LectureHub.Application.Abstractions;
using LectureHub.Application.Audit;
using LectureHub.Application.Auth;
using LectureHub.Application.Common.Exceptions;
using LectureHub.Domain.Audit;
using LectureHub.Domain.Users;
using Mediator;

namespace LectureHub.Application.Users.Commands;

/// <summary>Admins: approves (the account becomes an Instructor; its next refresh carries the role) or rejects with a reason; the applicant is emailed.</summary>
public sealed record DecideInstructorApplicationCommand(Guid ApplicationId, bool Approve, string? Reason) : ICommand<InstructorApplicationDto>;

internal sealed class DecideInstructorApplicationValidator : AbstractValidator<DecideInstructorApplicationCommand>
{
    public DecideInstructorApplicationValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().When(c => !c.Approve).WithMessage("Say why the application is rejected.");
        RuleFor(c => c.Reason).MaximumLength(InstructorApplication.MaxReasonLength);
    }
}

internal sealed class DecideInstructorApplicationHandler(
    IRepository<InstructorApplication> applications, IRepository<User> users, IRepository<AuditEntry> audit, ICurrentUser admin, TimeProvider clock)
    : ICommandHandler<DecideInstructorApplicationCommand, InstructorApplicationDto>
{
    public async ValueTask<InstructorApplicationDto> Handle(DecideInstructorApplicationCommand command, CancellationToken cancellationToken)
    {
        StepUp.Require(admin, clock);
        var application = await applications.GetByIdAsync(command.ApplicationId, cancellationToken)
                          ?? throw new NotFoundException("INSTRUCTOR_APPLICATION_NOT_FOUND", $"Application {command.ApplicationId} does not exist.");
        var user = await users.GetByIdAsync(application.UserId, cancellationToken)
                   ?? throw new NotFoundException("USER_NOT_FOUND", $"User {application.UserId} does not exist.");
        var before = InstructorApplicationDto.From(application, user);
        var now = clock.GetUtcNow();
        if (command.Approve)
        {
            application.Approve(user, admin.RequiredUserId, now);
        }
        else
        {
            application.Reject(command.Reason!, admin.RequiredUserId, now);
        }

        var after = InstructorApplicationDto.From(application, user);
        await AdminAudit.RecordAsync(audit, admin, command.Approve ? "instructor-application.approve" : "instructor-application.reject",
            "instructor-application", application.Id, before, after, now, cancellationToken);
        return after;
    }
}

using LectureHub.Domain.Users;

namespace LectureHub.Application.Users;

public sealed record InstructorApplicationDto(
    Guid Id, Guid UserId, string Email, string DisplayName, string Motivation, InstructorApplicationStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, string? RejectionReason)
{
    public static InstructorApplicationDto From(InstructorApplication application, User user) =>
        new(application.Id, user.Id, user.Email, user.DisplayName, application.Motivation, application.Status, application.CreatedAt,
            application.DecidedAt, application.RejectionReason);
}

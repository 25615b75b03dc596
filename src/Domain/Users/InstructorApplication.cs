using LectureHub.Domain.Common;

namespace LectureHub.Domain.Users;

public enum InstructorApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A student asks to teach; an Admin approves (the account becomes an Instructor) or rejects with a reason. One pending per account.</summary>
public sealed class InstructorApplication : Entity
{
    public const int MaxMotivationLength = 2000;
    public const int MaxReasonLength = 500;

    private InstructorApplication()
    {
    }

    public Guid UserId { get; private set; }

    public string Motivation { get; private set; } = "";

    public InstructorApplicationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    public static InstructorApplication Submit(User user, string motivation, DateTimeOffset now)
    {
        if (user.Role != Role.Student)
        {
            throw new DomainException("ALREADY_INSTRUCTOR", "Only a student account applies to teach; this one already can.");
        }

        return new InstructorApplication { UserId = user.Id, Motivation = motivation.Trim(), Status = InstructorApplicationStatus.Pending, CreatedAt = now };
    }

    /// <summary>Approves the application and makes <paramref name="applicant"/> an Instructor.</summary>
    public void Approve(User applicant, Guid adminId, DateTimeOffset now)
    {
        Decide(adminId, now);
        Status = InstructorApplicationStatus.Approved;
        applicant.ChangeRole(Role.Instructor, now);
        Raise(new InstructorApplicationDecided(Id, UserId, Approved: true));
    }

    public void Reject(string reason, Guid adminId, DateTimeOffset now)
    {
        Decide(adminId, now);
        Status = InstructorApplicationStatus.Rejected;
        RejectionReason = reason.Trim();
        Raise(new InstructorApplicationDecided(Id, UserId, Approved: false));
    }

    private void Decide(Guid adminId, DateTimeOffset now)
    {
        if (Status != InstructorApplicationStatus.Pending)
        {
            throw new DomainException("APPLICATION_ALREADY_DECIDED", $"This application was already {Status.ToString().ToLowerInvariant()}.");
        }

        DecidedAt = now;
        DecidedBy = adminId;
    }
}

/// <summary>The applicant is told by email (from the outbox).</summary>
public sealed record InstructorApplicationDecided(Guid ApplicationId, Guid UserId, bool Approved) : IDomainEvent;

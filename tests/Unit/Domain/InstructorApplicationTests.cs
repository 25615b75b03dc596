using LectureHub.Domain.Common;
using LectureHub.Domain.Users;

namespace LectureHub.UnitTests.Domain;

public sealed class InstructorApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Approval_makes_the_student_an_instructor_once()
    {
        var student = User.Register("a@b.co", "a", "h", Role.Student, Now);
        var application = InstructorApplication.Submit(student, "  I weld  ", Now);
        var admin = Guid.NewGuid();

        application.Approve(student, admin, Now.AddHours(1));

        Assert.Equal((Role.Instructor, InstructorApplicationStatus.Approved, admin, "I weld"), (student.Role, application.Status, application.DecidedBy, application.Motivation));
        Assert.Equal([new InstructorApplicationDecided(application.Id, student.Id, Approved: true)], application.DomainEvents);
        Assert.Equal("APPLICATION_ALREADY_DECIDED", Assert.Throws<DomainException>(() => application.Reject("late", admin, Now)).Code);
    }

    [Fact]
    public void Only_students_apply_and_a_rejection_keeps_the_role()
    {
        Assert.Equal("ALREADY_INSTRUCTOR",
            Assert.Throws<DomainException>(() => InstructorApplication.Submit(User.Register("i@b.co", "i", "h", Role.Instructor, Now), "x", Now)).Code);
        var student = User.Register("a@b.co", "a", "h", Role.Student, Now);
        var application = InstructorApplication.Submit(student, "x", Now);

        application.Reject(" not yet ", Guid.NewGuid(), Now);

        Assert.Equal((Role.Student, "not yet"), (student.Role, application.RejectionReason));
    }

    [Fact]
    public void A_suspension_is_lifted_only_once_it_was_made()
    {
        var user = User.Register("a@b.co", "a", "h", Role.Student, Now);
        Assert.Equal("NOT_SUSPENDED", Assert.Throws<DomainException>(() => user.Reinstate(Now)).Code);

        user.Suspend(" spam ", Now);

        Assert.Equal((true, "spam"), (user.IsSuspended, user.SuspensionReason));
        Assert.Equal("ALREADY_SUSPENDED", Assert.Throws<DomainException>(() => user.Suspend("again", Now)).Code);
        user.Reinstate(Now);
        Assert.Equal((false, (string?)null), (user.IsSuspended, user.SuspensionReason));
    }
}

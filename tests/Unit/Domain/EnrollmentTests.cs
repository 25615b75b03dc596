using LectureHub.Domain.Common;
using LectureHub.Domain.Enrollments;

namespace LectureHub.UnitTests.Domain;

public sealed class EnrollmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_refunded_enrolment_is_renewed_by_buying_again_but_an_active_or_revoked_one_is_not()
    {
        var enrollment = Enrollment.Start(Guid.NewGuid(), Guid.NewGuid(), EnrollmentSource.Purchase, Now);
        Assert.Equal("ENROLLMENT_NOT_RENEWABLE", Assert.Throws<DomainException>(() => enrollment.Renew(EnrollmentSource.Purchase, Now)).Code);

        enrollment.Refund(Now.AddDays(1));
        enrollment.Renew(EnrollmentSource.Purchase, Now.AddDays(30));
        Assert.Equal((EnrollmentStatus.Active, Now.AddDays(30), (DateTimeOffset?)null), (enrollment.Status, enrollment.EnrolledAt, enrollment.EndedAt));

        var revoked = Enrollment.Start(Guid.NewGuid(), Guid.NewGuid(), EnrollmentSource.Free, Now);
        revoked.Revoke(Now);
        Assert.Equal("ENROLLMENT_NOT_RENEWABLE", Assert.Throws<DomainException>(() => revoked.Renew(EnrollmentSource.Purchase, Now)).Code);
    }
}
